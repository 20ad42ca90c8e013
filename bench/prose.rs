//! Text-heavy benchmark corpora: blog and trackback dumps (long HTML bodies with comment
//! threads), forum exports (CSV) and short Korean chat posts, where the text is most of each
//! line, unlike the tweet archive (long metadata, short text). Written for `gencorpus --kind`;
//! the sentences are everyday ones written for this generator, the outage and recovery phrases
//! and the service names are the shipped lexicons' own.
//!
//! What is measured and what is chosen here (see `bench/run.sh` for the figures it prints):
//! about half the threads are Korean (`lang`), under 1% of the lines report an outage (0.4%
//! scattered complaints, ~0.25% in three bursts, 0.1% recoveries), and ordinary mentions of a
//! service (a blog saying it posted a photo on 인스타 or read something on Naver) appear in ~3% of
//! sentences. Typographic characters outside ASCII and Hangul (“ ” … · ♥, emoji) are in a few
//! sentence frames: a guess, not a measured rate (the one real Korean blog post with comments
//! we have, the seed document, has none in ~3,000 characters), kept so that the slow path of
//! normalisation is on the measured path at all.

use std::fmt::Write as _;
use std::io::{self, Write};

use crate::{Rng, Words};

/// Which text-heavy corpus to write.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `{"id","created_at","user","lang","text"}`: posts of 1–5 KB with HTML and their comment
    /// threads, ~350 bytes a line on average.
    Blog,
    /// A blog export as `{"kind","date","author","content"}` (the bundled `blog-ko.jsonl`'s
    /// layout; `content` is HTML and gets stripped): posts, comments and trackback excerpts.
    Trackback,
    /// A forum export: `date,author,title,text` CSV, quoted where needed, some bodies with line
    /// breaks inside the quotes.
    Forum,
    /// Short chat-style posts, mostly Korean, in the blog corpus' JSON layout.
    Chat,
}

impl Kind {
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "blog" => Kind::Blog,
            "trackback" => Kind::Trackback,
            "forum" => Kind::Forum,
            "chat" => Kind::Chat,
            _ => return None,
        })
    }
}

const KO_NOUNS: &[&str] = &[
    "커피",
    "점심",
    "회의",
    "주말",
    "날씨",
    "영화",
    "음악",
    "친구",
    "회사",
    "지하철",
    "버스",
    "저녁",
    "야근",
    "여행",
    "맛집",
    "운동",
    "공부",
    "게임",
    "드라마",
    "카페",
    "책",
    "사진",
    "카메라",
    "노트북",
    "키보드",
    "자전거",
    "산책",
    "등산",
    "캠핑",
    "요리",
    "빵",
    "케이크",
    "고양이",
    "강아지",
    "조카",
    "부모님",
    "동생",
    "도서관",
    "시장",
    "공원",
    "바다",
    "기차",
    "이사",
    "청소",
    "빨래",
    "화분",
    "우산",
    "가방",
    "신발",
    "모니터",
    "스피커",
    "이어폰",
];
const KO_PLACES: &[&str] = &[
    "제주도",
    "부산",
    "강릉",
    "전주",
    "경주",
    "여수",
    "속초",
    "홍대",
    "성수동",
    "을지로",
    "광화문",
    "한강",
    "남산",
    "춘천",
    "대구",
    "광주",
    "인천",
    "수원",
    "통영",
    "담양",
];
const KO_FOODS: &[&str] = &[
    "김치찌개",
    "된장찌개",
    "떡볶이",
    "칼국수",
    "냉면",
    "삼겹살",
    "비빔밥",
    "국밥",
    "파스타",
    "짬뽕",
    "순두부",
    "잔치국수",
    "닭갈비",
    "회덮밥",
    "만두",
    "호떡",
    "붕어빵",
    "팥빙수",
];

/// Everyday blog sentences: `{n}` a noun, `{p}` a place, `{f}` a dish, `{d}` a number.
const KO_SENTENCES: &[&str] = &[
    "지난 주말에 {p}에 다녀왔어요.",
    "날씨가 생각보다 따뜻해서 걷기 좋았습니다.",
    "아침 일찍 출발했는데도 길이 많이 막혔어요.",
    "{p} 시장에서 먹은 {f} 한 그릇이 정말 맛있었어요.",
    "가격은 {d},000원 정도였는데 양이 많아서 둘이 나눠 먹었습니다.",
    "사진은 휴대폰으로 찍어서 화질이 좀 아쉽네요.",
    "다음에는 좀 더 여유 있게 일정을 잡아야겠어요.",
    "요즘 {n} 때문에 정신이 하나도 없습니다.",
    "퇴근하고 집에 오니 벌써 밤 {d}시가 넘었더라고요.",
    "오랜만에 {n} 얘기를 하다 보니 시간 가는 줄 몰랐어요.",
    "이번 달은 유난히 빨리 지나가는 것 같아요.",
    "동네에 새로 생긴 카페에 가 봤는데 분위기가 좋았어요.",
    "창가 자리에 앉아서 책을 읽으니 마음이 편해지더라고요.",
    "주인분이 직접 구운 빵도 팔고 있었는데 금방 다 팔렸어요.",
    "집에서 {f} 만드는 법을 정리해 봤습니다.",
    "재료는 냉장고에 있는 걸로 대충 준비했어요.",
    "양념은 간장 두 숟가락, 설탕 한 숟가락이면 충분합니다.",
    "불을 너무 세게 하면 금방 타니까 중불로 천천히 익혀 주세요.",
    "완성하고 나니 생각보다 그럴듯해서 뿌듯했어요.",
    "아이가 한 그릇을 다 비워서 기분이 좋았습니다.",
    "새로 산 {n} 사용기를 남겨 봅니다.",
    "박스를 열었을 때 첫인상은 생각보다 가볍다는 거였어요.",
    "한 달 정도 써 보니 장단점이 확실히 보이네요.",
    "배터리는 하루 종일 써도 넉넉하게 버팁니다.",
    "다만 가격이 조금 비싼 편이라 고민이 되실 수도 있어요.",
    "저는 할인할 때 샀더니 만족스럽게 쓰고 있습니다.",
    "궁금한 점은 댓글로 남겨 주시면 아는 대로 답해 드릴게요.",
    "요즘 아침마다 한강을 따라 달리기를 하고 있어요.",
    "처음에는 {d}분만 뛰어도 숨이 찼는데 이제는 조금 나아졌어요.",
    "꾸준히 하는 게 제일 어렵다는 걸 다시 느낍니다.",
    "비가 오는 날에는 집에서 스트레칭만 하고 있어요.",
    "주말에는 친구들과 {p} 근처로 등산을 갔습니다.",
    "정상에 올라가니 바람이 시원하고 경치가 정말 멋졌어요.",
    "내려오는 길에 먹은 막걸리와 파전이 최고였습니다.",
    "다리가 아파서 다음 날 계단 내려가기가 힘들더라고요.",
    "올해 목표 중 하나가 책을 한 달에 두 권 읽는 거예요.",
    "이번에 읽은 소설은 결말이 예상과 달라서 놀랐어요.",
    "주인공이 고향으로 돌아가는 장면에서 한참 생각에 잠겼습니다.",
    "추천해 주실 만한 책이 있으면 알려 주세요.",
    "회사에서 새 프로젝트를 맡게 되어서 요즘 바쁩니다.",
    "회의가 하루에 서너 번씩 있다 보니 정작 일할 시간이 부족해요.",
    "그래도 팀원들이 다들 착해서 힘이 납니다.",
    "점심시간에 잠깐 산책하는 게 유일한 낙이에요.",
    "고양이가 요즘 부쩍 애교가 많아졌어요.",
    "아침마다 밥 달라고 이불 위로 올라와서 깨웁니다.",
    "병원에 데려갔더니 건강하다고 해서 안심했어요.",
    "간식을 너무 많이 줘서 살이 조금 쪘다고 하네요.",
    "이사 온 지 벌써 {d}년이 되었습니다.",
    "처음에는 낯설던 동네가 이제는 제법 익숙해졌어요.",
    "집 앞 공원에 벚꽃이 피기 시작했더라고요.",
    "저녁에 산책 나온 사람들로 공원이 북적였습니다.",
    "오늘은 비가 와서 하루 종일 집에 있었어요.",
    "밀린 빨래와 청소를 하고 나니 기분이 개운합니다.",
    "저녁으로는 따뜻한 {f} 한 그릇을 먹었어요.",
    "혼자 먹기엔 조금 많아서 내일 또 먹으려고요.",
    "기차를 타고 {p}까지 세 시간 정도 걸렸어요.",
    "창밖으로 보이는 논과 산이 참 평화로웠습니다.",
    "숙소는 역에서 걸어서 {d}분 거리라 편했어요.",
    "사장님이 친절하게 근처 맛집도 알려 주셨어요.",
    "바다가 보이는 방이라 밤새 파도 소리를 들었습니다.",
    "이번 여행에서 제일 기억에 남는 건 새벽 바다였어요.",
    "돌아오는 길에 기념품으로 {n} 모양 열쇠고리를 샀습니다.",
    "“다음에 또 오자”는 말을 몇 번이나 했는지 몰라요.",
    "생각보다 사람이 많지 않아서 여유롭게 구경했어요…",
    "오늘의 결론: 맛있는 건 언제나 옳다 ♥",
    "동생이 추천해 준 드라마를 정주행했어요 😊",
    "주말 일정 · 토요일 등산 · 일요일 대청소",
    "요즘 물가가 너무 올라서 장보기가 무섭네요.",
    "마트에서 {d}만 원어치를 샀는데 장바구니가 가볍더라고요.",
    "그래서 이번 달부터 가계부를 쓰기 시작했어요.",
    "작은 지출이 모이면 꽤 크다는 걸 새삼 느낍니다.",
    "아직은 서툴지만 조금씩 익숙해지고 있어요.",
];

/// Korean sentences that name a service in passing (`{s}` an alias): volume, not reports.
const KO_MENTIONS: &[&str] = &[
    "사진은 {s}에도 올려 두었어요.",
    "자세한 내용은 {s}에서 찾아보시면 나와요.",
    "{s} 메시지로 연락 주시면 답장 드릴게요.",
    "어제 {s}에서 본 영상이 계속 생각나네요.",
    "{s} 쓰시는 분들은 아마 아실 거예요.",
    "친구가 {s} 메시지로 보내 준 링크를 보고 알게 되었어요.",
];

const EN_WORDS: &[&str] = &[
    "coffee",
    "garden",
    "weekend",
    "project",
    "kitchen",
    "bike",
    "camera",
    "novel",
    "train",
    "market",
    "neighbor",
    "recipe",
    "laptop",
    "keyboard",
    "concert",
    "museum",
    "beach",
    "hike",
    "bakery",
    "library",
    "puppy",
    "cat",
    "sister",
    "cousin",
    "office",
    "apartment",
    "balcony",
];
const EN_PLACES: &[&str] = &[
    "Portland",
    "the coast",
    "Lisbon",
    "the lake",
    "Kyoto",
    "Austin",
    "the mountains",
    "Seoul",
    "Vancouver",
    "Edinburgh",
    "the old town",
    "Denver",
];

/// Everyday blog sentences in English (`{n}` a noun, `{p}` a place, `{d}` a number).
const EN_SENTENCES: &[&str] = &[
    "We finally made it to {p} last weekend.",
    "The weather was warmer than expected, so we walked almost everywhere.",
    "I left early in the morning and still hit a lot of traffic.",
    "The little {n} near the station turned out to be the highlight of the trip.",
    "Dinner cost about {d} dollars for two, which felt fair for the portions.",
    "Most of the photos are from my phone, so please forgive the quality.",
    "Next time I want to plan fewer things and just wander around.",
    "Work has been busy lately, mostly because of the new {n}.",
    "By the time I got home it was already past {d} o'clock.",
    "I spent the whole evening talking about the {n} with an old friend.",
    "This month somehow went by faster than the last one.",
    "A new cafe opened down the street and I finally tried it.",
    "I sat by the window with a book and lost track of time.",
    "They bake their own bread, and it sells out before noon.",
    "Here is how I make a quick weeknight soup.",
    "I used whatever was left in the fridge, which is half the fun.",
    "Two spoons of soy sauce and one of sugar is all the seasoning you need.",
    "Keep the heat at medium, or the bottom burns before the rest is done.",
    "It came out better than I expected, and nobody left any on the plate.",
    "I have been using the new {n} for about a month now.",
    "My first impression was that it is lighter than it looks.",
    "The battery easily lasts a full day of normal use.",
    "It is on the expensive side, so wait for a sale if you can.",
    "Leave a comment if you have questions and I will answer what I can.",
    "I started running along the river every morning.",
    "At first I was out of breath after {d} minutes, but it is getting easier.",
    "The hardest part is simply showing up every day.",
    "On Saturday we hiked up the ridge above {p}.",
    "The view from the top was worth every step.",
    "My legs were sore for two days afterwards.",
    "One of my goals this year is to read two books a month.",
    "The novel I just finished had an ending I did not see coming.",
    "If you have a book to recommend, I am all ears.",
    "The cat has become very affectionate lately.",
    "She climbs onto the bed every morning to ask for breakfast.",
    "The vet says she is healthy, just a little heavier than last year.",
    "We moved into this apartment {d} years ago.",
    "The cherry trees in the park across the street are starting to bloom.",
    "It rained all day, so I caught up on laundry and cleaning.",
    "The train ride to {p} took about three hours.",
    "Our room looked out over the water and we fell asleep to the waves.",
    "I picked up a small {n} as a souvenir on the way back.",
    "Groceries have gotten so expensive that I started keeping a budget.",
    "Small expenses add up faster than I thought.",
    "Honestly, the best part of the trip was the bakery… again.",
    "My sister said “you will love it” and she was right.",
    "Saturday · hike, Sunday · cleaning, Monday · back to work",
];

/// English sentences that name a service in passing.
const EN_MENTIONS: &[&str] = &[
    "I posted more photos on {s} if you want to see them.",
    "I found the recipe on {s} a while ago.",
    "Send me a message on {s} if you have questions.",
    "A friend shared the link on {s} and I could not stop reading.",
    "Anyone who uses {s} will know what I mean.",
];

const KO_COMMENTS: &[&str] = &[
    "좋은 글 잘 보고 갑니다",
    "사진이 정말 예쁘네요!",
    "저도 {p} 가 보고 싶어요",
    "정보 감사합니다 ^^",
    "ㅋㅋㅋ 완전 공감해요",
    "다음 글도 기대할게요",
    "와 부럽네요",
    "저도 비슷한 경험이 있어요. 처음엔 힘들었는데 금방 익숙해지더라고요",
    "레시피 따라 해 봤는데 맛있었어요",
    "혹시 가격이 얼마였는지 알 수 있을까요?",
    "트랙백 걸고 갑니다",
    "주말 잘 보내세요~",
    "오 이런 곳이 있었군요. 저장해 둘게요",
    "고양이 너무 귀여워요 ㅠㅠ",
    "저는 {f} 좋아해서 꼭 가 봐야겠어요",
    "글 잘 읽었습니다. 정리가 깔끔하네요",
    "ㅎㅎ 저도 요즘 운동 시작했어요",
    "건강 챙기세요!",
    "와 대박 ♥",
    "이거 보고 바로 주문했어요 😊",
];
const EN_COMMENTS: &[&str] = &[
    "Great post, thanks for sharing!",
    "Those photos are lovely.",
    "I have always wanted to visit {p}.",
    "Thanks, this was really helpful.",
    "Ha, same here.",
    "Looking forward to the next one.",
    "I tried the recipe last night and it worked perfectly.",
    "How much did it cost, if you don't mind me asking?",
    "Have a great weekend!",
    "Saving this for later.",
    "Your cat is adorable.",
    "I had the exact same experience when I started running.",
    "Nice write-up, very clear.",
    "Stay healthy!",
];
const KO_CHAT: &[&str] = &[
    "ㅋㅋㅋㅋ 진짜?",
    "오늘 뭐 해?",
    "점심 뭐 먹지",
    "배고프다 ㅠㅠ",
    "{n} 갈 사람?",
    "ㅇㅇ 알겠어",
    "나 지금 {p} 가는 중",
    "헐 대박",
    "내일 몇 시에 봐?",
    "{f} 먹고 싶다",
    "아 졸려",
    "퇴근하고 싶다 ㅋㅋ",
    "비 온다 우산 챙겨",
    "ㅎㅎ 고마워",
    "잘 자 내일 봐",
    "사진 보내 줘",
    "이거 봤어? 완전 웃겨",
    "주말에 {n} 어때",
    "늦어서 미안 지금 출발해",
    "그거 어디서 샀어?",
];

const KO_TITLES: &[&str] = &[
    "{p} 여행 후기",
    "집에서 만드는 {f}",
    "{n} 한 달 사용기",
    "요즘 근황",
    "주말 산책 일기",
    "이번 달 읽은 책",
    "고양이 건강검진 다녀왔어요",
    "가계부 쓰기 시작",
];
const EN_TITLES: &[&str] = &[
    "A weekend in {p}",
    "One month with the new {n}",
    "A quick weeknight soup",
    "What I read this month",
    "Notes from the morning run",
    "Life lately",
];

/// Outage chatter built from the lexicons: `{s}` a service alias, `{o}` an outage phrase.
const KO_OUTAGE: &[&str] = &[
    "{s} {o} ㅠㅠ 저만 그런가요?",
    "아침부터 {s} {o} 일을 못 하고 있어요.",
    "{s} 또 {o} 진짜 너무하네요",
    "혹시 지금 {s} {o} 다른 분들도 그런가요?",
];
const EN_OUTAGE: &[&str] = &[
    "{s} {o} for me too, anyone else?",
    "Is {s} {o} right now? I cannot get anything done.",
    "{s} {o} again, great timing.",
];
const KO_RECOVERY: &[&str] = &["{s} 이제 {r} 다행이에요", "{s} {r} 휴"];
const EN_RECOVERY: &[&str] = &["{s} {r} now, phew", "Looks like {s} {r}."];

/// What one line is about.
#[derive(Clone, Copy)]
enum Say {
    Chatter,
    /// An outage report about this service.
    Outage(usize),
    /// A recovery of this service.
    Recovery(usize),
}

/// Builds the texts of one corpus.
pub struct Prose<'w> {
    rng: Rng,
    w: &'w Words,
    /// Services with aliases in both languages.
    svcs: Vec<usize>,
    bursts: Vec<usize>,
}

impl<'w> Prose<'w> {
    pub fn new(seed: u64, w: &'w Words, svcs: Vec<usize>) -> Prose<'w> {
        let bursts = svcs.iter().copied().step_by(5).take(3).collect();
        Prose {
            rng: Rng(seed),
            w,
            svcs,
            bursts,
        }
    }

    fn alias(&mut self, ko: bool, svc: usize) -> String {
        let list = if ko {
            &self.w.ko_alias[svc]
        } else {
            &self.w.en_alias[svc]
        };
        self.rng.pick(list).clone()
    }

    /// Fills a frame's slots into `out`.
    fn fill(&mut self, frame: &str, ko: bool, s: &str, o: &str, out: &mut String) {
        let mut rest = frame;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let key = &rest[i..i + 3];
            match key {
                "{n}" => out.push_str(self.rng.pick::<&str>(if ko { KO_NOUNS } else { EN_WORDS })),
                "{p}" => {
                    out.push_str(
                        self.rng
                            .pick::<&str>(if ko { KO_PLACES } else { EN_PLACES }),
                    )
                }
                "{f}" => out.push_str(self.rng.pick::<&str>(KO_FOODS)),
                "{d}" => {
                    let _ = write!(out, "{}", 2 + self.rng.below(58));
                }
                "{s}" => out.push_str(s),
                "{o}" | "{r}" => out.push_str(o),
                _ => out.push_str(key),
            }
            rest = &rest[i + 3..];
        }
        out.push_str(rest);
    }

    /// One everyday sentence, now and then naming a service in passing.
    fn sentence(&mut self, ko: bool, out: &mut String) {
        if self.rng.chance(30) {
            let svc = *self.rng.pick(&self.svcs);
            let s = self.alias(ko, svc);
            let frame = *self.rng.pick(if ko { KO_MENTIONS } else { EN_MENTIONS });
            self.fill(frame, ko, &s, "", out);
        } else {
            let frame = *self.rng.pick(if ko { KO_SENTENCES } else { EN_SENTENCES });
            self.fill(frame, ko, "", "", out);
        }
    }

    /// An outage or recovery sentence for `say`; nothing for chatter.
    fn say(&mut self, ko: bool, say: Say, out: &mut String) {
        let (svc, frames, phrases) = match say {
            Say::Chatter => return,
            Say::Outage(svc) => (
                svc,
                if ko { KO_OUTAGE } else { EN_OUTAGE },
                if ko {
                    &self.w.ko_outage
                } else {
                    &self.w.en_outage
                },
            ),
            Say::Recovery(svc) => (
                svc,
                if ko { KO_RECOVERY } else { EN_RECOVERY },
                if ko {
                    &self.w.ko_recovery
                } else {
                    &self.w.en_recovery
                },
            ),
        };
        let o = self.rng.pick(phrases).clone();
        let s = self.alias(ko, svc);
        let frame = *self.rng.pick(frames);
        self.fill(frame, ko, &s, &o, out);
    }

    /// A post body of about `bytes` bytes: a title, paragraphs of sentences in `<p>`, now and
    /// then a link, an image, bold text, a `<br>` and character references.
    fn html_post(&mut self, ko: bool, bytes: usize, say: Say, out: &mut String) {
        let start = out.len();
        out.push_str("<h2>");
        let title = *self.rng.pick(if ko { KO_TITLES } else { EN_TITLES });
        self.fill(title, ko, "", "", out);
        out.push_str("</h2>");
        let mut said = false;
        while out.len() - start < bytes {
            out.push_str("<p>");
            for k in 0..2 + self.rng.below(4) {
                if k > 0 {
                    out.push(' ');
                }
                if !said && self.rng.chance(250) {
                    self.say(ko, say, out);
                    said = true;
                    continue;
                }
                match self.rng.below(40) {
                    0 => {
                        let _ = write!(
                            out,
                            "<a href=\"https://blog.example.com/{}/{}\">",
                            if ko { "post" } else { "entry" },
                            self.rng.below(90_000)
                        );
                        self.sentence(ko, out);
                        out.push_str("</a>");
                    }
                    1 => {
                        let _ = write!(
                            out,
                            "<img src=\"https://img.example.com/2024/03/{:x}.jpg\" alt=\"{}\" />",
                            self.rng.next() >> 36,
                            if ko { "사진" } else { "photo" }
                        );
                    }
                    2 => {
                        out.push_str("<b>");
                        self.sentence(ko, out);
                        out.push_str("</b>");
                    }
                    3 => {
                        self.sentence(ko, out);
                        out.push_str("<br />");
                    }
                    4 => {
                        self.sentence(ko, out);
                        out.push_str(" &amp;&nbsp;");
                    }
                    _ => self.sentence(ko, out),
                }
            }
            out.push_str("</p>");
        }
        if !said {
            out.push_str("<p>");
            self.say(ko, say, out);
            out.push_str("</p>");
        }
    }

    /// A comment: one to three everyday lines, or the outage or recovery sentence.
    fn comment(&mut self, ko: bool, say: Say, out: &mut String) {
        if !matches!(say, Say::Chatter) {
            self.say(ko, say, out);
            return;
        }
        for k in 0..1 + self.rng.below(3) {
            if k > 0 {
                out.push(' ');
            }
            if self.rng.chance(400) {
                self.sentence(ko, out);
            } else {
                let frame = *self.rng.pick(if ko { KO_COMMENTS } else { EN_COMMENTS });
                self.fill(frame, ko, "", "", out);
            }
        }
    }

    /// A chat line: one or two short messages.
    fn chat(&mut self, ko: bool, say: Say, out: &mut String) {
        if !matches!(say, Say::Chatter) {
            self.say(ko, say, out);
            return;
        }
        for k in 0..1 + self.rng.below(2) {
            if k > 0 {
                out.push(' ');
            }
            if ko {
                let frame = *self.rng.pick(KO_CHAT);
                self.fill(frame, true, "", "", out);
            } else {
                let frame = *self.rng.pick(EN_COMMENTS);
                self.fill(frame, false, "", "", out);
            }
        }
    }

    /// What a line posted at second `t` of the month says: 0.4% of the lines scattered
    /// complaints, a quarter of those in three two-hour bursts (~0.25% of all lines), 0.1%
    /// recoveries.
    fn what(&mut self, t: i64) -> Say {
        // The bursts start at 13:00 UTC on days 4, 14 and 24.
        let b = t - 3 * 86_400 - 13 * 3600;
        let third = (b.max(0) / (10 * 86_400)).clamp(0, 2) as usize;
        let in_burst = b >= 0 && b % (10 * 86_400) < 7200;
        let roll = self.rng.below(10_000);
        if in_burst && roll < 3_000 {
            Say::Outage(self.bursts[third % self.bursts.len()])
        } else if roll < 40 {
            Say::Outage(*self.rng.pick(&self.svcs))
        } else if roll < 50 {
            Say::Recovery(*self.rng.pick(&self.svcs))
        } else {
            Say::Chatter
        }
    }
}

/// `2024-03-03T10:00:01-05:00`: second `t` of March 2024 (30 days), in the writer's zone.
fn iso_time(t: i64, ko: bool, out: &mut String) {
    let off: i64 = if ko { 9 * 3600 } else { -5 * 3600 };
    let l = t + off + 2 * 86_400; // local seconds since 2024-02-28 00:00
    let (day, s) = (l.div_euclid(86_400), l.rem_euclid(86_400));
    let (m, d) = if day < 2 { (2, 28 + day) } else { (3, day - 1) };
    let _ = write!(
        out,
        "2024-{m:02}-{d:02}T{:02}:{:02}:{:02}{}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        if ko { "+09:00" } else { "-05:00" }
    );
}

/// `2024/03/03 10:00`, as the blog export writes it (local time, no zone).
fn export_time(t: i64, out: &mut String) {
    let l = t + 9 * 3600;
    let (day, s) = (l.div_euclid(86_400), l.rem_euclid(86_400));
    let _ = write!(
        out,
        "2024/03/{:02} {:02}:{:02}",
        (day + 1).min(31),
        s / 3600,
        s / 60 % 60
    );
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(s: &str, out: &mut String) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// A user name: Latin or Hangul.
fn user(rng: &mut Rng, ko: bool, out: &mut String) {
    const KO_NICKS: &[&str] = &["초록별", "하늘", "바람", "고양이집사", "산책러", "빵순이"];
    if ko && rng.chance(500) {
        let _ = write!(out, "{}{}", rng.pick(KO_NICKS), rng.below(1000));
    } else {
        let _ = write!(out, "user{}", rng.below(200_000));
    }
}

/// What [`write`] wrote.
pub struct Shape {
    pub bytes: u64,
    pub lines: u64,
    /// Bytes of the text fields (HTML included; the forum's title and body).
    pub text: u64,
    /// Lines of Korean threads.
    pub ko_lines: u64,
}

/// Writes `size` bytes (about) of corpus `kind`.
pub fn write(
    kind: Kind,
    size: u64,
    w: &Words,
    svcs: Vec<usize>,
    f: &mut impl Write,
) -> io::Result<Shape> {
    let mut p = Prose::new(0x626C_6F67 ^ kind as u64, w, svcs);
    // Spread the lines over 30 days whatever the size (a mean line guessed per kind).
    let mean = match kind {
        Kind::Blog => 350,
        Kind::Trackback => 800,
        Kind::Forum => 900,
        Kind::Chat => 130,
    };
    let lines_est = (size / mean).max(1) as i64;
    let mut line = String::with_capacity(1 << 14);
    let mut text = String::with_capacity(1 << 14);
    let (mut bytes, mut lines, mut text_bytes, mut ko_lines) = (0u64, 0u64, 0u64, 0u64);
    let mut id: u64 = 7_000_000_000;
    while bytes < size {
        // One thread: a post and its replies, all in one language.
        let ko = match kind {
            Kind::Chat => p.rng.chance(900),
            _ => p.rng.chance(500),
        };
        let replies = match kind {
            Kind::Blog => 4 + p.rng.below(27),
            Kind::Trackback => p.rng.below(7),
            Kind::Forum => p.rng.below(8),
            Kind::Chat => 0,
        };
        for r in 0..=replies {
            let t = (lines as i64 * 30 * 86_400 / lines_est).min(30 * 86_400 - 1);
            let say = p.what(t);
            text.clear();
            let mut role = "comment";
            match kind {
                Kind::Chat => p.chat(ko, say, &mut text),
                _ if r == 0 => {
                    let len = 1000 + p.rng.below(4000);
                    p.html_post(ko, len, say, &mut text);
                    role = "post";
                }
                Kind::Trackback if p.rng.chance(200) => {
                    // A trackback: another blog's title and excerpt.
                    text.push_str("<b>trackback from: ");
                    let title = *p.rng.pick(if ko { KO_TITLES } else { EN_TITLES });
                    p.fill(title, ko, "", "", &mut text);
                    text.push_str("</b><br />");
                    for _ in 0..3 + p.rng.below(4) {
                        p.sentence(ko, &mut text);
                        text.push(' ');
                    }
                    text.push_str("...");
                    role = "trackback";
                }
                Kind::Forum => {
                    for k in 0..1 + p.rng.below(6) {
                        if k > 0 {
                            text.push_str(if p.rng.chance(200) { "\n" } else { " " });
                        }
                        p.comment(ko, say, &mut text);
                    }
                }
                _ => p.comment(ko, say, &mut text),
            }
            line.clear();
            match kind {
                Kind::Blog | Kind::Chat => {
                    id += 1 + p.rng.below(3) as u64;
                    let _ = write!(line, "{{\"id\":{id},\"created_at\":\"");
                    iso_time(t, ko, &mut line);
                    line.push_str("\",\"user\":\"");
                    user(&mut p.rng, ko, &mut line);
                    let _ = write!(
                        line,
                        "\",\"lang\":\"{}\",\"text\":\"",
                        if ko { "ko" } else { "en" }
                    );
                    crate::json_str(&text, false, &mut line);
                    line.push_str("\"}\n");
                }
                Kind::Trackback => {
                    let _ = write!(line, "{{\"kind\":\"{role}\",\"date\":\"");
                    export_time(t, &mut line);
                    line.push_str("\",\"author\":\"");
                    user(&mut p.rng, ko, &mut line);
                    line.push_str("\",\"content\":\"");
                    crate::json_str(&text, false, &mut line);
                    line.push_str("\"}\n");
                }
                Kind::Forum => {
                    if lines == 0 {
                        line.push_str("date,author,title,text\n");
                    }
                    export_time(t, &mut line);
                    line.push(',');
                    let mut name = String::new();
                    user(&mut p.rng, ko, &mut name);
                    csv_field(&name, &mut line);
                    line.push(',');
                    let mut title = String::new();
                    if r > 0 {
                        title.push_str("Re: ");
                    }
                    let frame = *p.rng.pick(if ko { KO_TITLES } else { EN_TITLES });
                    p.fill(frame, ko, "", "", &mut title);
                    csv_field(&title, &mut line);
                    line.push(',');
                    // The forum's body is plain text: no markup.
                    let body = if r == 0 {
                        strip_tags(&text)
                    } else {
                        text.clone()
                    };
                    csv_field(&body, &mut line);
                    line.push('\n');
                    text_bytes += title.len() as u64 + 1;
                    text = body;
                }
            }
            f.write_all(line.as_bytes())?;
            bytes += line.len() as u64;
            text_bytes += text.len() as u64;
            lines += 1;
            ko_lines += u64::from(ko);
        }
    }
    Ok(Shape {
        bytes,
        lines,
        text: text_bytes,
        ko_lines,
    })
}

/// The text of a generated post without its tags (forum bodies are plain text).
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        let tag = &rest[i..end];
        if tag.starts_with("</p") || tag.starts_with("</h2") {
            out.push('\n');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&nbsp;", " ")
}
