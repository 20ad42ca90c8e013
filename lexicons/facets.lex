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
web app
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
# Bare 웹 is wanted (지메일 웹 접속 안 됨); the words it starts that are not a surface follow in
# [exclude ko] below.
웹
웹에서
웹은
웹이
웹으로
웹 버전
웹버전
웹사이트
웹 메일
웹메일
브라우저
크롬에서
크롬으로
사파리에서
홈페이지
사이트는
사이트가
사이트에서

[surface app en]
app
the app
mobile app
mobile
phone app
ios app
android app
iphone
ipad
android
on my phone
on mobile
on phone
[surface app ko]
앱
어플
모바일
아이폰
안드로이드
갤럭시
아이패드
폰으로
폰에서
폰으론
폰은
핸드폰으로
핸드폰에서
휴대폰으로
휴대폰에서
스마트폰

[surface desktop en]
desktop
desktop app
desktop client
mail client
mac app
windows app
pc app
thunderbird
[surface desktop ko]
데스크톱 앱
데스크탑 앱
데스크톱
데스크탑
PC버전
PC 버전
PC 앱
PC에서
PC로
컴퓨터로
컴퓨터에서
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
로그인이
로그인은
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
안 가네

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
안 오네
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
voice call
video call
phone calls
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
제주도
제주에서
[place gyeonggi]
경기도
경기 지역
[place korea]
korea
south korea
한국에서
한국은
한국도
국내
[place japan]
japan
tokyo
일본
도쿄
[place us]
usa
u.s.
the us
in the us
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
still getting
still fetching
still fetches
still syncing
still sending
still receiving
[works ko]
받아와요
받아오네
받아와지
들어가져
들어가짐
오네요
오네
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
