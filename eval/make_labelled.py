#!/usr/bin/env python3
"""Writes eval/labelled.tsv: the labelled posts that measure `outcry classify`.

Why this exists: the lexicons are judged on posts written for this project the way people write
about outages, not on lists derived from the lexicons. Each post is a sentence written here, with a
slot for the service name as people spell it; the hard cases (traps, negations, hashtags, odd
spacing, questions, normalisation) are written out one by one. The output is deterministic (a fixed
seed), so the file in the repo can be regenerated and reviewed.

Columns: lang, kind (report|recovery|none), service (canonical id or empty), hard (0/1), text.
"""

import random
import unicodedata

rng = random.Random(20090224)
rows = []


def add(lang, kind, service, hard, text):
    assert "\t" not in text and "\n" not in text, text
    rows.append((lang, kind, service or "", "1" if hard else "0", text))


# How people name services in English chatter: (canonical id, spellings).
EN_SERVICES = [
    ("gmail", ["Gmail", "gmail", "GMAIL", "google mail"]),
    ("twitter", ["Twitter", "twitter"]),
    ("youtube", ["YouTube", "youtube", "YT"]),
    ("netflix", ["Netflix", "netflix"]),
    ("discord", ["Discord", "discord"]),
    ("slack", ["Slack", "slack"]),
    ("instagram", ["Instagram", "insta", "IG"]),
    ("facebook", ["Facebook", "FB", "facebook"]),
    ("reddit", ["Reddit", "reddit"]),
    ("spotify", ["Spotify", "spotify"]),
    ("github", ["GitHub", "github"]),
    ("aws", ["AWS", "aws", "us-east-1"]),
    ("cloudflare", ["Cloudflare", "cloudflare"]),
    ("chatgpt", ["ChatGPT", "chatgpt", "chat gpt"]),
    ("outlook", ["Outlook.com", "hotmail", "Hotmail"]),
    ("icloud", ["iCloud", "icloud"]),
    ("whatsapp", ["WhatsApp", "whatsapp"]),
    ("paypal", ["PayPal", "paypal"]),
    ("playstation-network", ["PSN", "PlayStation Network"]),
    ("xbox-live", ["Xbox Live", "xbox live"]),
    ("twitch", ["Twitch", "twitch"]),
    ("roblox", ["Roblox", "roblox"]),
    ("epic-games", ["Fortnite", "Epic Games"]),
    ("venmo", ["Venmo", "venmo"]),
    ("comcast", ["Xfinity", "Comcast", "xfinity"]),
    ("verizon", ["Verizon", "verizon"]),
    ("dropbox", ["Dropbox", "dropbox"]),
    ("telegram", ["Telegram", "telegram"]),
    ("tiktok", ["TikTok", "tiktok"]),
    ("snapchat", ["Snapchat", "snapchat"]),
    ("google-workspace", ["Google Drive", "Google Docs", "google meet"]),
    ("minecraft", ["Minecraft", "minecraft"]),
    ("league-of-legends", ["League client", "LoL servers"]),
    ("coinbase", ["Coinbase", "coinbase"]),
    ("imessage", ["iMessage", "imessage"]),
    ("microsoft-365", ["Office 365", "O365"]),
    ("zoom", ["Zoom app", "Zoom meetings"]),
    ("teams", ["MS Teams", "Microsoft Teams"]),
    ("steam", ["Steam client", "Steam store"]),
    ("notion", ["Notion app", "Notion pages"]),
    ("hulu", ["Hulu", "hulu"]),
    ("uber", ["Uber", "uber"]),
    ("linkedin", ["LinkedIn", "linkedin"]),
    ("t-mobile", ["T-Mobile", "tmobile"]),
]

EN_REPORT = [
    "{s} is down",
    "{s} is down again",
    "{s} down again?",
    "is {s} down for anyone else?",
    "is {s} down or is it just me",
    "{s} not loading at all",
    "{s} isn't loading for me",
    "can't log in to {s} for the last 20 min",
    "can't log into {s}, anyone else?",
    "{s} keeps throwing a 502",
    "{s} giving me server errors every refresh",
    "{s} outage?? ugh",
    "anyone else having issues with {s} right now",
    "{s} just died on me mid sentence",
    "welp {s} is dead",
    "{s} not working for anyone else?",
    "{s} won't load, tried two browsers",
    "{s}: 'something went wrong, try again later'. thanks, very helpful",
    "looks like {s} went down",
    "{s} is having a bad day",
    "{s} unreachable from here, DNS is fine",
    "{s} broken again, of course right before my deadline",
    "503 service unavailable on {s}. great",
    "{s} stuck loading forever",
    "so {s} is completely down huh",
    "cannot connect to {s} at all",
    "{s} crashed for me and won't come back",
    "{s} keeps crashing on launch",
    "pretty sure {s} is down, downdetector is lighting up",
    "can't access {s}, error page every time",
    "{s} having problems again?",
    "{s} timing out for everyone in my office",
    "my whole team can't get into {s}",
    "{s} down?? i have a meeting in 5 min",
]
EN_DECOR = ["", "", "", " lol", " ugh", " 😩", " smh", "!!", " 🙃", " again...", " fml"]

EN_RECOVERY = [
    "{s} is back up",
    "{s} is back",
    "ok {s} is working again",
    "{s} seems fixed now",
    "phew, {s} back online",
    "{s} loading again for me",
    "{s} back to normal here",
    "and {s} is up again. that was a fun hour",
    "looks like {s} came back",
    "{s} finally working again",
    "{s} was down for an hour but it's back now",
    "{s} fixed now, thanks team",
    "{s} is up and running again",
    "{s} issue resolved, per their status page",
]

EN_MENTION = [
    "just uploaded my first video on {s}",
    "anyone got good {s} recommendations?",
    "the new {s} layout is kinda nice",
    "moving everything over to {s} this weekend",
    "{s} dark mode is easy on the eyes",
    "sent you the file on {s}",
    "how do i change my {s} password",
    "{s} just added a feature i actually wanted",
    "logged out of {s} for a detox week",
    "{s} ads are getting out of hand",
    "my mom finally joined {s}",
    "wrote a long thread on {s} about coffee",
]

# English traps: no outage, but words that look like one. The service is named for realism.
EN_TRAPS = [
    "downloading the {s} app on my new phone",
    "touchdown!! watching the game and refreshing {s}",
    "feeling down today, {s} memes please cheer me up",
    "write it down somewhere, {s} notes are fine",
    "{s} stock is down 4% today",
    "shares are down after the {s} earnings call",
    "slow down, {s} is not going anywhere",
    "calm down, {s} drama again",
    "i'm down for a {s} watch party tonight",
    "who's down for {s} later?",
    "sun goes down, {s} comes out",
    "scroll down on {s} and you'll see it",
    "upside down cake recipe from {s}",
    "{s} is down to earth compared to the others",
    "let me down gently, {s} algorithm",
    "heartbroken that {s} removed my favorite feature",
    "the {s} countdown stream starts at 8",
    "i shut down my laptop and went to bed, no more {s}",
    "{s} sales are down this quarter",
    "turn down the volume on {s} ads please",
    "{s} down payment on a new phone just so i can scroll faster lol",
    "broke down crying at a {s} video",
    "my phone died so no {s} for me tonight",
    "my laptop crashed, lost my {s} tabs",
    "{s} is down for maintenance tonight 1-3am, planned",
    "power outage in my street so no {s}",
    "{s} breakdown of the match was great",
]

EN_NEGATION = [
    "{s} isn't down, check your wifi",
    "{s} is not down, it's your router",
    "{s} not down for me",
    "{s} works fine for me",
    "{s} working fine here, maybe it's regional",
    "nope, {s} isn't down",
    "{s} is fine on my end",
    "no issues here with {s}",
    "{s} loads fine for me",
    "people saying {s} is down but it works for me",
]

# Hard English posts, written out one by one: (kind, service, text).
EN_HARD = [
    ("report", "gmail", "#gmailfail"),
    ("report", "gmail", "gmail being weird all morning #fail"),
    ("report", "gmail", "#GmailFail again, 3rd time this month"),
    ("report", "twitter", "#twitterdown"),
    ("report", "gmail", "is gmail down?"),
    ("report", "gmail", "Is GMAIL down???"),
    ("report", "gmail", "ｇｍａｉｌ　ｉｓ　ｄｏｗｎ"),
    ("report", "gmail", "gm\u200bail is do\u200bwn"),
    ("report", "gmail", "@gmail is down?? https://t.co/abc123"),
    ("report", "gmail", "@sarah_k gmail is down for me too"),
    ("report", "twitter", "@TwitterSupport can't log in, says something went wrong"),
    ("report", "netflix", "@Netflixhelps netflix keeps saying error, not loading anything"),
    ("report", "discord", "discord down?? https://discordstatus.com shows nothing"),
    ("report", "gmail", "gmail 접속 안돼 anyone?"),
    ("report", "youtube", "youtube 안 돼요 is it down"),
    ("report", "zoom", "zoom is down, class cancelled lol"),
    ("report", "zoom", "is zoom down for anyone"),
    ("report", "zoom", "zoom not working on my laptop again"),
    ("report", "teams", "teams is down and my boss thinks i'm slacking"),
    ("report", "steam", "steam is down, sale day of course"),
    ("report", "steam", "steam servers down again?"),
    ("report", "notion", "notion is down and so is my productivity"),
    ("report", "notion", "notion not loading, all my notes are in there"),
    ("report", "line", "LINE is down in Japan apparently"),
    ("report", "gmail", "twitter says gmail is down"),
    ("report", "gmail", "I read on reddit that gmail is down"),
    ("report", "slack", "slack outage. productivity up 300%"),
    ("report", "github", "github down, guess I'll go outside"),
    ("report", "aws", "us-east-1 having issues again, half the internet is broken"),
    ("report", "cloudflare", "cloudflare 502 bad gateway on every site I visit"),
    ("report", "chatgpt", "chatgpt at capacity again, over capacity error"),
    ("report", "reddit", "reddit keeps showing 'something went wrong'"),
    ("report", "spotify", "spotify just stopped working mid song"),
    ("report", "instagram", "insta won't load my feed, anyone?"),
    ("report", "playstation-network", "PSN down on launch day, classic"),
    ("report", "whatsapp", "whatsapp messages not sending, stuck on one tick"),
    ("report", "gmail", "GMAIL IS DOWN AGAIN!!!!"),
    ("report", "gmail", "why is gmail down"),
    ("report", "youtube", "youtube down? videos won't play"),
    ("report", "discord", "discord's down. my friends think i ghosted them"),
    ("report", "twitter", "twitter is over capacity, fail whale is back"),
    ("report", "gmail", "gmail down for everyone? not just me right"),
    ("report", "gmail", "gmail has been down for 20 minutes, not down for maintenance, just down"),
    ("report", "outlook", "hotmail not loading since this morning"),
    ("report", "icloud", "icloud down? can't sign in on any device"),
    ("report", "paypal", "paypal payments failing, error at checkout"),
    ("report", "gmail", "gmail 502 error. it isn't my wifi"),
    ("report", "facebook", "fb and insta both down?"),
    ("report", "twitch", "twitch is dead, streams won't load"),
    ("report", "roblox", "roblox down, my kid is devastated"),
    ("recovery", "gmail", "gmail is back up, panic over"),
    ("recovery", "gmail", "gmail isn't down anymore"),
    ("recovery", "zoom", "zoom is back up, class is on again"),
    ("recovery", "steam", "steam is back online, buying everything"),
    ("recovery", "gmail", "@gmail thanks, working again"),
    ("recovery", "discord", "discord came back! https://discordstatus.com"),
    ("recovery", "twitter", "twitter was down all morning but it's working again"),
    ("recovery", "slack", "slack back to normal"),
    ("recovery", "github", "github is up again, pushing my stuff"),
    ("none", "", "zoom in on the chart, the line is broken"),
    ("none", "", "we ran out of steam in the second half"),
    ("none", "", "both teams played well, shame about the ref"),
    ("none", "", "stand in line for 2 hours, site says it's down to luck"),
    ("none", "", "the notion that everything must be perfect is broken"),
    ("none", "", "steam rising from my coffee, monday mood"),
    ("none", "", "let's take this offline and sync later"),
    ("none", "", "the line at the bank was insane today"),
    ("none", "", "zoom out and look at the big picture"),
    ("none", "", "my teams are down 2-0 at halftime"),
    ("none", "", "signal is bad in the subway as usual"),
    ("none", "", "download speeds are down since the update"),
    ("none", "", "the touchdown celebration was iconic"),
    ("none", "", "sundown at the beach, perfect"),
    ("none", "", "countdown to the weekend"),
    ("none", "", "my email is kim.down@gmail.com if you need it"),
    ("none", "gmail", "gmail isn't down, your wifi is"),
    ("none", "gmail", "gmail is not down, I just checked"),
    ("none", "gmail", "gmail not down for me"),
    ("none", "gmail", "is gmail down? nope, not down"),
    ("none", "gmail", "gmailer bros meetup tonight"),
    ("none", "", "@downdetector_fan check this https://downdetector.com/status/gmail"),
    ("none", "", "just write it down"),
    ("none", "", "stocks are down again, oof"),
    ("none", "", "slow down, it's only monday"),
    ("none", "", "feeling down, need coffee"),
    ("none", "", "i'm down with the flu, no work today"),
    ("none", "gmail", "downloaded the gmail backup to my laptop"),
    ("none", "youtube", "youtube video: how to fix a broken zipper"),
    ("none", "netflix", "netflix documentary about the 2003 power outage"),
    ("none", "twitter", "twitter thread about the amazon rainforest"),
    ("none", "", "the line app update looks nice"),
    ("none", "slack", "cut me some slack, it's friday"),
]


def en():
    for sid, names in EN_SERVICES:
        n = lambda: rng.choice(names)
        for t in rng.sample(EN_REPORT, 6):
            add("en", "report", sid, False, t.format(s=n()) + rng.choice(EN_DECOR))
        for t in rng.sample(EN_RECOVERY, 2):
            add("en", "recovery", sid, False, t.format(s=n()))
        for t in rng.sample(EN_MENTION, 2):
            add("en", "none", "", False, t.format(s=n()))
        for t in rng.sample(EN_TRAPS, 2):
            add("en", "none", "", True, t.format(s=n()))
        t = rng.choice(EN_NEGATION)
        add("en", "none", "", True, t.format(s=n()))
    for kind, sid, text in EN_HARD:
        add("en", kind, sid, True, text)


# How people name services in Korean chatter.
KO_SERVICES = [
    ("kakaotalk", ["카톡", "카카오톡", "카톡"]),
    ("naver", ["네이버", "네이버"]),
    ("gmail", ["지메일", "G메일", "구글 메일"]),
    ("youtube", ["유튜브", "유튭", "유투브"]),
    ("netflix", ["넷플", "넷플릭스"]),
    ("instagram", ["인스타", "인스타그램"]),
    ("discord", ["디스코드", "디코"]),
    ("baemin", ["배민", "배달의민족"]),
    ("coupang", ["쿠팡"]),
    ("toss", ["토스"]),
    ("kakaobank", ["카카오뱅크", "카뱅"]),
    ("upbit", ["업비트"]),
    ("league-of-legends", ["롤 서버", "롤 클라"]),
    ("pubg", ["배그", "배틀그라운드"]),
    ("maplestory", ["메이플", "메이플스토리"]),
    ("twitter", ["트위터", "트위터"]),
    ("facebook", ["페북", "페이스북"]),
    ("kt", ["KT", "kt"]),
    ("skt", ["SKT"]),
    ("lg-uplus", ["유플러스", "LG유플러스"]),
    ("tving", ["티빙"]),
    ("korail", ["코레일", "코레일톡"]),
    ("hometax", ["홈택스"]),
    ("kakaopay", ["카카오페이"]),
    ("nexon", ["넥슨"]),
    ("chatgpt", ["챗GPT", "챗지피티"]),
    ("coupang-eats", ["쿠팡이츠"]),
    ("interpark", ["인터파크"]),
    ("naver-webtoon", ["네이버 웹툰", "네이버웹툰"]),
    ("kb-kookmin", ["국민은행", "KB스타뱅킹"]),
    ("shinhan", ["신한은행", "신한 쏠"]),
    ("woori", ["우리은행"]),
    ("bithumb", ["빗썸"]),
    ("lost-ark", ["로스트아크"]),
    ("genshin", ["원신"]),
    ("naver-pay", ["네이버페이"]),
    ("watcha", ["왓챠"]),
    ("nateon", ["네이트온"]),
    ("gov24", ["정부24"]),
    ("hana", ["하나은행", "하나원큐"]),
    ("samsung-pay", ["삼성페이"]),
    ("threads", ["스레드 앱"]),
]

KO_REPORT = [
    "{s} 접속이 안돼요",
    "{s} 접속안됨",
    "{s} 접속 안 돼",
    "{s} 안돼요ㅠㅠ",
    "{s} 먹통ㅋㅋ",
    "{s} 먹통이네요",
    "{s} 안되네요",
    "{s} 지금 안 되는 거 맞죠?",
    "{s} 안 열려요",
    "{s} 자꾸 튕겨요",
    "{s} 로그인이 안 돼요",
    "나만 {s} 안 돼?",
    "{s} 서버 터졌네",
    "{s} 장애인가요?",
    "{s} 장애 발생했대요",
    "{s} 오류 떠요",
    "{s} 왜 이래",
    "{s} 또 먹통이네",
    "{s} 마비됐다",
    "{s} 다운됐어요?",
    "{s} 에러남",
    "{s} 계속 오류 나요",
    "{s} 무한 로딩 걸림",
    "{s} 서버 에러 뜨는데 저만 그런가요",
    "헐 {s} 안 들어가져요",
    "{s} 점심시간에 먹통 실화냐",
    "{s} 또 장애네",
    "{s} 일시적인 오류라고만 나옴",
    "{s} 연결이 안 돼요 와이파이 문제 아님",
    "{s} 결제가 안 돼요",
]
KO_DECOR = ["", "", "", "ㅠㅠ", "ㅋㅋ", " ㅡㅡ", "…", " 진짜", " 하", "!!", " ㅜㅜ"]

KO_RECOVERY = [
    "{s} 이제 돼요",
    "{s} 다시 잘 돼요",
    "{s} 복구됐네요",
    "{s} 정상화 됐다",
    "{s} 살아났다",
    "{s} 이제 되네",
    "오 {s} 돌아왔다",
    "{s} 복구 완료래요",
    "{s} 이제 잘 되네요 다행",
    "{s} 해결됐네요",
]

KO_MENTION = [
    "{s} 이모티콘 새로 샀어요",
    "{s}에 사진 올렸어요",
    "{s} 업데이트하니까 디자인 바뀜",
    "{s} 알림 끄는 법 아시는 분",
    "{s} 쓰다가 잠들었다",
    "{s}으로 선물 보냄",
    "요즘 {s} 광고 너무 많아요",
    "{s} 새 기능 신기하네",
    "{s} 비밀번호 바꿨어요",
    "주말에 {s} 정리 좀 해야지",
]

KO_TRAPS = [
    "{s}에서 장애인 이동권 기사 봤어요",
    "{s}에 장애물 달리기 영상 올라왔네",
    "언어 장애 치료 관련 {s} 채널 추천해요",
    "다음 주에 {s} 이벤트 한대요",
    "다음에 {s}로 연락할게",
    "폰이 먹통이라 {s} 답장 못 했어요",
    "{s} 다운로드 어떻게 해요?",
    "{s} 앱 다운받았어요",
    "{s} 점검 공지 봤어요 새벽 2시부터래요",
    "기분 다운돼서 {s}만 보는 중",
    "{s} 보다가 장애인 주차 구역 얘기 나옴",
    "핸드폰이 먹통이 돼서 {s} 못 들어감",
    "{s} 계정 복구 방법 아시는 분",
    "{s} 데이터 복구 업체 광고 오지게 뜨네",
    "구스다운 세일 {s}에서 봄",
]

KO_NEGATION = [
    "{s} 장애 아니에요 폰 문제예요",
    "{s} 저는 잘 되는데요",
    "{s} 전 잘 돼요",
    "{s} 먹통 아닌데요? 저는 멀쩡",
    "{s} 이상 없어요 와이파이 확인해 보세요",
    "{s} 안 된다는 분들 많은데 저는 되는데요",
    "{s} 여긴 잘 돼요",
]

KO_HARD = [
    ("report", "kakaotalk", "#카톡먹통"),
    ("report", "kakaotalk", "#카톡 #먹통 #실화냐"),
    ("report", "kakaotalk", "나만 카톡 안 돼?"),
    ("report", "kakaotalk", "카톡 안돼요ㅠㅠ"),
    ("report", "kakaotalk", "카톡 먹통ㅋㅋ"),
    ("report", "kakaotalk", "카 톡 접 속 이 안 돼 요"),
    ("report", "kakaotalk", "카톡접속안됨"),
    ("report", "kakaotalk", "카톡 메시지 안 보내져요"),
    ("report", "kakaotalk", "카톡 또 튕겨요ㅡㅡ"),
    ("report", "gmail", "지메일 웹은 장애인데 아이폰에서는 되네요"),
    ("report", "gmail", "지메일 server error 뜸"),
    ("report", "gmail", "지메일 down인가요?"),
    ("report", "gmail", "ｇｍａｉｌ 접속 안 돼요"),
    ("report", "naver", "네이버 장애네"),
    ("report", "naver", "네이버 장애인가? 검색이 안 돼"),
    ("report", "naver", "네이버 장애 발생 공지 떴어요"),
    ("report", "naver", "네이버 안 열려요 ㅠ"),
    ("report", "kakao", "카카오 장애 발생, 카톡이랑 다 안 됨"),
    ("report", "daum", "다음 메일 접속이 안 돼요"),
    ("report", "daum", "다음 카페 먹통이네요"),
    ("report", "daum", "Daum 안 열림"),
    ("report", "daum", "다음 먹통이네"),
    ("report", "youtube", "유튜브 안돼요오오ㅠㅠㅠ"),
    ("report", "youtube", "유튭 왜 안 돼"),
    ("report", "youtube", "유튜브 무한 로딩 https://youtu.be/xyz"),
    ("report", "instagram", "인스타 로그인이 안 돼요"),
    ("report", "pubg", "배그 튕겨요"),
    ("report", "league-of-legends", "롤 서버 터졌냐"),
    ("report", "league-of-legends", "롤 클라 안 열림 나만 그럼?"),
    ("report", "maplestory", "메이플 서버 뻗었네 ㅋㅋㅋ"),
    ("report", "toss", "토스 송금이 안 돼요 급한데"),
    ("report", "kakaobank", "카뱅 이체 오류 떠요"),
    ("report", "upbit", "업비트 먹통 실화? 지금 떨어지는데"),
    ("report", "baemin", "배민 주문이 안 돼요 점심 어쩌라고"),
    ("report", "coupang", "쿠팡 결제 오류 계속 나요"),
    ("report", "kt", "KT 인터넷 끊김 또 시작"),
    ("report", "kt", "kt 와이파이 나감 아파트 전체 그런 듯"),
    ("report", "netflix", "넷플 에러 뜨는데 @netflixkr 확인 좀"),
    ("report", "discord", "디코 서버 터짐?"),
    ("report", "hometax", "홈택스 마비 연말정산 시즌 ㅋㅋ"),
    ("report", "korail", "코레일톡 접속 폭주로 마비"),
    ("report", "twitter", "트위터 또 안 돼요 is twitter down"),
    ("report", "chatgpt", "챗GPT 에러 나요 network error"),
    ("report", "naver", "네이버\u200b 접속 안 돼요"),
    ("report", "kakaotalk", "@kakaotalk 카톡 먹통이에요"),
    ("report", "kakaotalk", "카톡 사진 전송 실패 계속 떠요"),
    ("report", "gmail", "지메일 장애 아닌가요? 메일이 안 와요"),
    ("recovery", "kakaotalk", "카톡 이제 돼요"),
    ("recovery", "kakaotalk", "카톡 다시 잘 돼요!"),
    ("recovery", "kakao", "카카오 서비스 정상화"),
    ("recovery", "naver", "네이버 복구됐네요 다들 수고"),
    ("recovery", "gmail", "지메일 이제 되네요 is back"),
    ("recovery", "daum", "다음 메일 복구 완료"),
    ("recovery", "youtube", "유튜브 살아났다ㅋㅋ"),
    ("recovery", "league-of-legends", "롤 서버 복구 완료 공지 떴음"),
    ("none", "", "다음 주에 제주도 가요"),
    ("none", "", "다음에 또 봐요~"),
    ("none", "", "다음 역은 강남입니다"),
    ("none", "", "장애인 복지 예산 기사 공유합니다"),
    ("none", "", "장애물 넘기 성공!"),
    ("none", "", "언어 장애가 있는 친구를 도와주는 법"),
    ("none", "", "폰이 먹통이라 서비스센터 가야겠다"),
    ("none", "", "머리가 먹통이다 오늘은 공부 그만"),
    ("none", "", "라인업 발표 떴다!"),
    ("none", "", "줌으로 당겨서 찍어봐"),
    ("none", "", "스팀 다리미 추천 좀"),
    ("none", "", "가장 애정하는 노래"),
    ("none", "", "피곤하다 운동 가자"),
    ("none", "", "아마 비 온대요"),
    ("none", "", "토스트 먹고 출근"),
    ("none", "", "카카오 함량 70% 초콜릿 맛있다"),
    ("none", "kakaotalk", "카톡 장애 아니에요 폰 문제였어요"),
    ("none", "gmail", "지메일 장애 아니에요"),
    ("none", "gmail", "지메일 저는 잘 되는데요"),
    ("none", "naver", "네이버 멀쩡한데요? 저만 되나"),
    ("none", "youtube", "유튜브 다운로드 앱 추천"),
    ("none", "youtube", "유튜브로 다운 점퍼 리뷰 봄"),
    ("none", "netflix", "넷플 보다가 장애인 인권 다큐 추천받음"),
    ("none", "kakaotalk", "카톡 대화 복구 방법 좀"),
    ("none", "", "네이트 디아즈 경기 봤어?"),
    ("none", "", "KT 위즈 오늘 이겼다"),
    ("none", "", "하반신 마비 환자 재활 영상"),
    ("none", "", "셧다운 제도 폐지됐대"),
    ("none", "", "고집불통 우리 아빠"),
    ("none", "", "공황 장애 극복 후기"),
    ("none", "", "@kim_minsu 다음 주에 보자"),
    ("none", "", "https://naver.me/abc 이거 봐봐 웃김"),
]


def ko():
    for sid, names in KO_SERVICES:
        n = lambda: rng.choice(names)
        for t in rng.sample(KO_REPORT, 6):
            add("ko", "report", sid, False, t.format(s=n()) + rng.choice(KO_DECOR))
        for t in rng.sample(KO_RECOVERY, 2):
            add("ko", "recovery", sid, False, t.format(s=n()))
        for t in rng.sample(KO_MENTION, 2):
            add("ko", "none", "", False, t.format(s=n()))
        for t in rng.sample(KO_TRAPS, 2):
            add("ko", "none", "", True, t.format(s=n()))
        t = rng.choice(KO_NEGATION)
        add("ko", "none", "", True, t.format(s=n()))
    for kind, sid, text in KO_HARD:
        add("ko", kind, sid, True, text)


en()
ko()
seen = set()
out = []
for r in rows:
    if r[4] in seen:
        continue
    seen.add(r[4])
    out.append(r)
with open("eval/labelled.tsv", "w", encoding="utf-8") as f:
    f.write("lang\tkind\tservice\thard\ttext\n")
    for r in out:
        f.write("\t".join(r) + "\n")
by = lambda k, v: sum(1 for r in out if r[k] == v)
print(len(out), "posts:", by(0, "en"), "en,", by(0, "ko"), "ko,", by(3, "1"), "hard")
