# outcry lexicon: what broke and where: surfaces, functions and places, and the words that say
# a surface still works.
#
# This file is compiled into the binary; README.md in this folder describes the format. The
# sections here never change whether a post is a report: they say which surfaces (on what it
# fails), functions (what fails) and places (where) a post names, and whether it says that
# surface or function fails or still works ("web is down but IMAP works fine", 웹은 안 되는데
# 아이폰 메일은 돼요). `outcry detect` sums them per incident.
#
#   * `[surface NAME]`, `[function NAME]`, `[place NAME]` list the words of one facet; NAME is
#     how reports show it. A later file (`--lexicon`) may add words to a facet or new facets.
#   * `[works]` phrases say the surface or function in their clause still works; `[fails]`
#     phrases say it fails without being outage phrases of their own (`can't`, 안 돼). Outage
#     phrases say "fails" too, and recovery, counter and negation phrases "works".
#   * All entries are matched in the one pass with every other entry. A word here that another
#     file already has (`app` in [context en], 로그인 in [context ko]) keeps its own kind, and
#     its facet is still read, as it is inside longer entries (`can't log in` names login).
#   * Like every entry, a word here can hide a shorter or later-starting entry it overlaps:
#     prefer whole words, avoid phrases whose last word starts another entry, and avoid a
#     doubled letter no other entry has (it would change how stretched spellings fold).
#     `tests/facets.rs` checks that the shipped sections leave every verdict as it was.

[surface web en]
web
website
web site
web version
web client
web interface
webmail
browser
browsers
in chrome
on chrome
in firefox
on firefox
in safari
on safari
desktop site
on the site
[surface web ko]
# Stems without particles: 웹 also reads 웹에서, 웹으로 and 웹은 (the particle stays for the
# next entry), and a facet word that ended in a particle could swallow the start of the word
# after it. 브라우 and not 브라우저: 저는 멀쩡 (a counter) starts inside 브라우저는 멀쩡. The
# words 웹 starts that are not a surface are in [exclude ko] below.
웹
사이트
홈페이지
브라우
크롬
사파리

[surface app en]
app
mobile
iphone
ipad
android
on my phone
on mobile
on phone
[surface app ko]
# Bare 폰 reads 아이폰, 핸드폰, 폰으로; 아이폰 itself would hide the counter 폰 문제 아닌가.
앱
어플
모바일
안드로이드
폰
갤럭시
아이패드

[surface desktop en]
desktop
desktop app
desktop client
mail client
thunderbird
[surface desktop ko]
PC
데스크톱 앱
데스크탑 앱
데스크톱
데스크탑
PC 앱
썬더버드

[surface api en]
api
apis
rest api
webhooks
sdk
[surface api ko]
API

[surface imap en]
imap
pop3
smtp
imap/pop
pop/imap
[surface imap ko]
IMAP
POP3

[function login en]
login
logins
log in
log-in
logging in
sign in
signing in
sign-in
signin
2fa
verification code
[function login ko]
로그인
인증번호
인증 문자
본인인증

[function sending en]
send
sending
sent
outgoing
go through
going through
[function sending ko]
전송
발송
보내기
보내져
보내지
보낼
안 가요

[function receiving en]
receive
receiving
incoming
inbox
new mail
new emails
[function receiving ko]
수신
받기
받는 건
받는 거
받아와
받아오
안 와요
못 받

[function loading en]
load
loading
loads
opening
open
refresh
[function loading ko]
로딩
불러오
안 열려
안 열리
열리지
새로고침

[function search en]
search
searching
search results
[function search ko]
검색

[function payment en]
payment
payments
checkout
pay
paying
transfer
transfers
card
[function payment ko]
결제
송금
이체
카드
계좌

[function streaming en]
stream
streaming
streams
playback
video
videos
[function streaming ko]
재생
스트리밍
영상
동영상
방송

[function calls en]
call
calls
calling
[function calls ko]
통화
전화
보이스톡
페이스톡
영상통화

[place seoul]
seoul
서울
[place busan]
busan
부산
[place incheon]
incheon
인천
[place daegu]
daegu
대구
[place daejeon]
daejeon
대전
[place gwangju]
gwangju
광주
[place jeju]
jeju
제주
[place gyeonggi]
경기도
경기 지역
[place korea]
korea
south korea
한국
국내
[place japan]
japan
tokyo
일본
도쿄
[place us]
usa
u.s.
america
united states
미국
[place east-coast]
east coast
미 동부
미국 동부
[place west-coast]
west coast
미 서부
미국 서부
[place europe]
europe
eu
유럽
[place uk]
uk
britain
london
영국
런던
[place canada]
canada
toronto
캐나다
[place australia]
australia
sydney
호주
[place india]
india
[place germany]
germany
독일
[place overseas]
overseas
abroad
해외

[exclude ko]
# Words that hold a facet word and name no facet: 웹툰 is not the web, 부산하다 is "busy",
# 대구탕 a soup, 세계대전 a war, 광주리 a basket.
부산하
부산스럽
부산을 떨
부산 떨
대구탕
대구 뽈
대구포
세계대전
대전제
대전쟁
광주리
웹툰
웹소설
웹드라마
웹진
웹예능

[works en]
work
works
working
fine
ok
okay
unaffected
not affected
normal
normally
still gets
still fetching
still fetches
still syncing
still sending
still receiving
[works ko]
받아와요
받아와지
들어가져
들어가짐
오네요
와요
잘 와
잘 오
받아져
받아지
들어와
돼요
되요
되네
됩니다
되는데
됨
된다
잘 돼
잘 되
멀쩡
괜찮
정상
문제없

[fails en]
can't
cant
cannot
can’t
won't
doesn't
does not
didn't
not
fails
failing
failed
fail
stuck
dead
unable
slow
[fails ko]
안 와
안 오
안 들어와
안 돼
안 되
안 됨
안 됩
안 됐
안 됌
못 해
못 하
못 보내
안 보내
안 받
안 떠
안 나와
안 켜
안 들어가
불가
실패
오류
에러
터졌
죽었
비정상
느려
멈춤
멈췄
