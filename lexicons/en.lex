# outcry lexicon: English outage, recovery and exclusion phrases.
#
# This file is compiled into the binary. The format and the matching rules are described in
# README.md in this folder; the short version:
#
#   * one literal entry per line, `#` starts a comment, `[section]` opens a section;
#   * every entry of every file is found in one leftmost-longest pass, so a longer entry that
#     starts at the same place (or any entry that starts earlier) hides a shorter one;
#   * Latin letters are compared without case, and an entry that starts or ends with a Latin
#     letter or digit must start or end on a word boundary (`down` never fires inside
#     `download`, `sundown` or `downtime`), unless that end carries a `*`;
#   * `{service}` in an outage entry stands for any alias of any service in services.lex.
#
# To extend: add a phrase people really write, in the section it belongs to. When a new outage
# phrase also occurs in ordinary talk, add the ordinary uses to [exclude en] as entries that
# start earlier or run longer than the outage phrase. Keep entries unique; `#`, `[` and `]` may
# not start an entry. Test a change with `outcry detect --lexicon my.lex` before shipping it.

[outage en]
~down big time
{number} errors
one grey tick
one gray tick
single grey tick
cant load
can't watch anything
cant watch anything
# A bare `down` is wanted: a report also needs a service named, and the look-alikes
# ("feeling down", "stocks are down", "calm down") are listed under [exclude en]. The longer
# "down" phrases are kept for readers; they match wherever `down` would.
#
# `~` marks a word with senses that are not about a service: shares and indices ("nasdaq down
# 2%"), counts and ratings ("my followers are down"), things that fall ("a tree came down").
# A cue of a [sense] section near it (README.md: same clause, within the sense's window of
# words) sets it aside, whatever service is named. Phrases without `~` are never set aside:
# "down for" (an outage that lasts, "down for 50% of users", "down for 3 hours") is one; its
# longer forms "down for me", "down for everyone" have a `~` (what fell is named before them
# too: "reach is way down for everyone on my team").
~down
~is down
~went down
~goes down
~down again
down for
~down for me
~down for everyone
~down for everybody
~down for all
~is back down
is up and down
been up and down
isdown
downdetector
down detector

# Named-service frames. A frame fires whenever the service name has these words around it,
# whatever follows, so no exclusion can stop it: `{service} down` would turn "github down for
# maintenance" or "netflix down under" into reports. A plain alias next to `down` already makes
# a report for that service, and the hashtag compounds #gmaildown, #gmailoutage and
# #gmailisdown are found as an alias touching `down`, `outage` or `isdown`. So only frames that
# add something are here. `{service}fail` finds "gmail fail" and "twitter fail whale", and,
# because aliases need no word boundary inside a #hashtag, the compound #gmailfail too.
is {service} down
is {service} dead
{service} dead
{service} died
{service} just died
{service} is offline
{service} is having a bad day
can't open {service}
cannot open {service}
can't get into {service}
{service} outage
{service}fail
{service} not working
{service} not loading
{service} crashed
{service} broken
{service} error
{service} errors
{service} having issues
{service} keeps crashing
{service} keeps freezing
{service} keeps logging me out
{service} servers down

# It does not work.
not working
isn't working
not working outside
isn't working outside
isnt working
isn’t working
aren't working
stopped working
keeps stopping
doesn't work
not responding
unresponsive
acting up
glitching

# It does not load or open.
not loading
isn't loading
won't load
won't connect
wont connect
can't load
unable to load
failed to load
stuck loading
won't open

# Cannot get in.
can't log in
cant log in
can't login
can't log into
cant log into
cannot log into
unable to log into
cannot log in
can’t log in
can't i log in
can't i login
can't sign in
unable to log in
can't connect
cannot connect
unable to connect
can't access
can't get in
died on me
login issues
connection issues

# Error pages and messages.
server error
server errors
500 errors
5xx
5xx errors
stuck on connecting
stuck connecting
error 500
500 error
502
503
503 service unavailable
bad gateway
gateway timeout
gateway time-out
service unavailable
temporarily unavailable
temporary error
something went wrong
an error occurred
try again later
rate limit exceeded
over capacity
errors out
erroring out
network error
connection error
timed out
timing out
messages not sending
video won't play
videos won't play
videos not playing

# Error codes and error nouns: "getting 503s", "error code 1003", "playback error".
500s
502s
503s
504s
429s
404s
too many requests
error {number}
error code
error codes
playback error
playback errors
playback failure
streaming error
streaming errors
sign in error
sign-in error
login error
can't stream
cannot stream
won't stream
keeps buffering
stuck buffering
won't play anything
can't play anything
at capacity
not syncing
won't refresh
error on every
errors on every

# Internet and phone providers: the line, the signal, the service.
internet's out
internet is out
internet out
internet went out
internet's been out
internet has been out
internet been out
internet keeps dropping
internet keeps cutting out
wifi's out
wifi is out
wifi out
wi-fi is out
fiber out
fibre out
cable out
both out
5g dead
5g is dead
lte dead
lte is dead
broadband's out
broadband is out
service is out
no internet
no wifi
no service
no signal
no data
no bars
no dial tone
sos only
~keeps dropping
keeps disconnecting
calls keep dropping
dropping calls

# Outage words.
outage
payments failing
payment failing
payments are failing
payment failed
keeps failing
# The hashtag (`\#` keeps the `#` from starting a comment); a bare "fail" is ordinary talk.
\#fail
\#outage
\#down
outages
service disruption
service interruption
degraded performance
experiencing issues
investigating reports
having issues
having problems
fail whale
unavailable
unreachable
went offline
offline again
broken
~crashed
~crashing
~is dead
ddos
server issues
server problems

# Still broken: these start where the recovery phrase would and win over it.
not back
isn't back
not fixed
isn't fixed
not been fixed
hasn't been fixed
not resolved
not been resolved
hasn't been resolved
not restored
bug is back
error is back
issue is back
problem is back
outage is back
fail whale is back

[recovery en]
# Round two of issue 14: it mended itself, messages move again.
fixed itself
sending again
loads again
playing again
isn't down anymore
is not down anymore
not down anymore
no longer down
back now
~is back up
seems to be back
working again now
it's working
its working
it's working again
loads now
~is back
~'s back
~’s back
it's back
its back
it’s back
~back up
back online
online again
back to normal
back in business
working again
works again
~up again
~is up
~up now
up and running
running again
fixed now
is fixed
been fixed
got fixed
fixed it
restored
service restored
connection restored
resolved
issue resolved
~came back
~coming back up
seems fine now
seems to be working
working now
works now
working fine now
loading again
loads again
finally working
finally works
~recovered
~recovering
fully operational
all systems operational
mitigated
resumed
alive again
can log in again
logged back in
all good now
crisis over
crisis averted
outage is over

all good again
is all good again
working normally again
working normally
streaming again
playing again
going through again
healthy again
answering again
came back on
back to full bars
finally fixed
fixed our

[exclude en]
# "Down big" is a loss or a score ("coinbase down big today"); "down big time" is an outage.
down big
# An outage a year old is history, not a report.
outage from last year
outage last year
last year's outage
# Where a share went down is named after the verb: the session it fell in.
down in early trading
down in trading
down in premarket
down in pre-market
down premarket
down after hours
down in after-hours trading
down in late trading
# A car or house window rolled down is not an outage ("put the window down for me").
window down
# Entries that run past a word must be complete words themselves: the longest entry is chosen
# first and its word boundaries are checked afterwards, so an exclusion such as "is down to"
# would also swallow "is down today" and "is down too". Spell such exclusions out in full
# ("is down to earth", "is down to you").
#
# Word boundaries already keep `down` out of download(s), touchdown, countdown, sundown,
# lowdown, breakdown, markdown and downtime, and `broken` out of heartbroken, so those need no
# entry here. What follows are the look-alikes that contain an outage or recovery phrase as
# whole words. Each one starts earlier than, or at the same place as and longer than, the entry
# it hides.

# "down" as a mood, an illness or a yes to a plan.
feeling down
feel down
feels down
felt down
feeling a bit down
feeling a little down
feeling so down
feeling really down
i'm down
i’m down
im down
i am down
you down for
if you're down
who's down for
anyone down for
down to hang
down to chill
down with the flu
down with a cold
down with covid
came down with
come down with
coming down with
let me down
let you down
let us down
let them down
let him down
let her down
let down
letting me down
letting you down

# "down" as a direction or a place.
down the block
is down the block
upside down
upside-down
down to earth
down to the last
down to the wire
down-to-earth
is down to earth
is down to you
is down to me
is down to luck
is down to the wire
it's down to you
it's down to me
it's down to luck
it's down to the wire
its down to you
it’s down to you
down the road
is down the road
down the street
is down the street
down the hall
is down the hall
down the stairs
down the line
down the drain
down the rabbit hole
went down the rabbit hole
went down the stairs
went down to the
go down to the
went down in history
go down in history
goes down in history
went down well
goes down well
what went down
sun goes down
sun went down
down under
down south
down payment
down syndrome
down jacket
goose down
thumbs down
hands down
face down
heads down
first down

# "down" in phrasal verbs.
sit down
sat down
sitting down
lie down
lay down
lying down
calm down
calmed down
settle down
slow down
slowing down
cool down
wind down
winding down
tone down
toned down
watered down
dumbed down
narrow down
narrowed down
boil down
boils down
comes down to
write down
wrote down
written down
write it down
wrote it down
writing down
writing it down
jot down
put down
put it down
turn down
turned down
turning down
won't back down
backing down
backed down
step down
steps down
stepped down
stepping down
shut down
shuts down
shutting down
shut it down
break down
break it down
breaking down
broke down in tears
broke down crying
track down
hunt down
cut down
cutting down
knock down
knocked down
tear down
count down
counting down
looking down on
looked down on
scroll down
scrolling down
scrolled down
swipe down
pull down
pull-down
drop down
drop-down
top-down
press down
hold down
volume down
power down
touch down
touched down
down arrow
down key
down load
down loading
down loaded

# Money and markets:
bill is down
bills are down
costs are down
cost is down
spending is down
 "stocks are down" is not an outage, even for a named company.
stock is down
stock's down
stock down
stocks are down
stocks down
shares are down
shares down
share price is down
share price down
market is down
markets are down
sales are down
sales down
prices are down
price is down
prices down
revenue is down
revenue down
profits are down
profits down
earnings are down
earnings down
subscribers are down
subscribers down
ratings are down
numbers are down
stock is up
stocks are up
shares are up
prices are up
stock crashed
stocks crashed
market crashed
crypto crashed

# "down for" a span of trading, not of an outage.
down for the day
down for the week
down for the month
down for the year
down for the quarter
down for the session

# Lines that are not the LINE messenger (`?LINE` in services.lex).
phone line
phone lines
power line
power lines
land line
finish line
bottom line
front line
punch line
fishing line
line cook

# Planned work is not an outage.
down for maintenance
is down for maintenance
are down for maintenance
down for scheduled maintenance
planned outage
planned outages
scheduled outage
scheduled outages
power outage
power outages

# Other outage words in ordinary talk.
not working out
isn't working out
stopped working out
not working hard
i'm not working
i’m not working
im not working
i am not working
i stopped working
i've stopped working
broken heart
broken hearts
broken-hearted
broken hearted
broken english
broken record
broken arm
broken leg
broken wrist
broken bone
broken bones
broken nose
broken promise
broken promises
broken family
broken glass
broken into
fix a broken
fixing a broken
fixed a broken
heart is broken
is dead to me
is dead serious
is dead wrong
is dead on
crashed my car
crashed into
crashed the party
crashed on the couch
crashed out
plane crashed
car crashed
got timed out
get timed out
getting timed out
timed out in chat
unavailable for comment
emotionally unavailable
video unavailable
video is unavailable
unavailable in your country
unavailable in your region
item unavailable
item is currently unavailable
unreachable code
ddos protection
ddos mitigation

# Recovery words in ordinary talk.
i'm back
i’m back
im back
i am back
i'm up
i’m up
im up
i am up
what is up
time is up
is up to date
is up to you
is up to me
is up to them
is up to us
is up to something
is up for
is up there
is up against
back up your
back up my
back up our
to back up
back up plan
sign up
signing up
set up
setting up
wake up
woke up
stay up
stayed up
give up
gave up
show up
showed up
messed up
screwed up
blew up
blowing up
is blowing up
lighting up
lit up
light up
lights up
fed up
catch up
pick up
hang up
hung up
shut up
i'm working
i’m working
im working
faith in humanity restored
faith restored
restored my
restored from backup
restored from a backup
came back from
came back home
came back with
came back negative
came back positive
came back clean
recovered from covid
recovered from surgery
recovering from covid
recovering from surgery
recovering from the flu
recovering addict
recovering alcoholic

# One's own device is not a service.
my phone is dead
my phone died
phone died
phone is dead
my phone is broken
phone is broken
my phone crashed
my laptop crashed
my laptop died
laptop is broken
my pc crashed
my computer crashed
screen is broken
battery is dead
battery died

# Alias look-alikes: e-mail addresses name a mail domain, not the service's state, and a few
# service names are also ordinary English words.
@gmail.com
@googlemail.com
@hotmail.com
@outlook.com
@yahoo.com
@icloud.com
@naver.com
@daum.net
@hanmail.net
@nate.com
@kakao.com
me some slack
him some slack
her some slack
them some slack
us some slack
you some slack
yourself some slack
myself some slack
slack-jawed
slack jawed
slack tide
slack water
pick up the slack
picking up the slack
picked up the slack
take up the slack
taking up the slack
sow discord
sowing discord
discord among
discord between
internal discord
eye twitch
muscle twitch
nervous twitch
azure sky
azure skies
azure blue
azure waters
amazon rainforest
amazon river
amazon basin
amazon jungle
kt tape

[negation en]
# The outage phrase said in the negative. Each entry starts before the outage word it contains
# and so hides it; and any negation that comes after the post's last outage phrase takes that
# phrase back ("gmail down? nope, it isn't down").
isn't down
isnt down
isn’t down
is not down
wasn't down
was not down
aren't down
are not down
not down
not actually down
not really down
no outage
not an outage
isn't an outage
nothing is down
nothing's down
isn't broken
is not broken
isn't dead
is not dead
not having issues
no issues at all
no problems at all

[counter en]
says all green
shows all green
# It works for the writer: counter-evidence, counted apart ("works for me" posts in a flood of
# reports say the outage is partial). Like a negation, it takes back an earlier outage phrase.
works for me
working for me
works fine for me
working fine for me
works fine here
working fine here
works fine on my end
working fine on my end
works on my end
working on my end
fine for me
fine on my end
fine here
all good here
all good on my end
not down for me
isn't down for me
isnt down for me
is up for me
up for me
loads fine for me
loading fine for me
loads fine here
no problems here
no problem here
no issues here
no issues for me
no problems for me
seems fine to me
just you
just your wifi
your internet

[context en]
# Words that let an ambiguous alias (`?Zoom`, `?Steam`, `?LINE` in services.lex) right next to
# them name the service: "zoom app", "steam login", "line server"; a very ambiguous one
# (`??Bell`, `??Sky`) names it only with one of these right next to it ("bell internet", "sky
# tv", "bt broadband"), read from the text, so a longer phrase that begins with the word
# ("internet's out") does not hide it. They do nothing else. Do not list a word that is already
# an entry of another section (`outage`): the later entry would replace it.
internet
wifi
wi-fi
broadband
fibre
fiber
cable
tv
mobile
network
5g
4g
lte
phone
service
router
hub
modem
landline
data
customer service
support
app
apps
server
servers
login
log in
client
website
site
status
account

[sense market]
bill
bills
rent
fees
trading
# Shares, indices, prices and coins: "nasdaq down 2% on the open", "tesla shares down again".
# A `~` word (`down`, `went down`, `crashed`, `is up`) at most two words after one of these,
# in the same clause, is set aside: not an outage, even when a service is named. A `{number}`
# cue (a number right before the rest: `{number}%` is "2%", "3.5 %", "1,000%") counts on
# either side: "netflix down 8% after hours".
stock
stocks
stock price
shares
share price
market
markets
market cap
nasdaq
dow
dow jones
s&p
s&p 500
nyse
ftse
nikkei
kospi
futures
premarket
pre-market
after hours
after-hours
portfolio
valuation
earnings
revenue
profits
crypto
bitcoin
btc
eth
ethereum
price
prices
ytd
{number}%
{number} percent
{number} points
{number} pts

[sense rating]
score
review score
reviews
# Counts and ratings: "my followers are down again", "ratings down this season".
followers
follower count
subscribers
subscriber count
subs
views
view count
viewers
viewership
ratings
rating
likes
engagement
impressions
karma
listeners
player count
activity
numbers
sales
stars
scores
grades
ranking

[sense physical]
window
stairs
ladder
# Things that fall: "the big oak came down", "wind knocked the fence down".
tree
trees
branch
branches
oak
pole
poles
fence
wall
roof
tent
ceiling
shelf

[official-ack en]
# Phrases of a provider's own status or support posts (read only in `detect --official` input,
# never in the chatter) that acknowledge a problem. Matched anywhere in the text, so keep them
# specific to how status pages write.
investigating
aware of
looking into
experiencing
issue
outage
disruption
degraded
problem
errors

[official-resolved en]
# ... and that say it is over. A post with both kinds says "resolved".
resolved
fixed
restored
back to normal
recovered
fully operational

# Issue 14, round three (tuned on eval/labelled4-dev.tsv). What fell is often named before a
# "down for everyone" too ("reach is way down for everyone on my team"), hence the `~` above.

[outage en]
can't refresh
login failing
logins failing
login is failing
no lte
no 5g
dropped calls
dropping calls
calls keep dropping
modem offline
router offline
cutting out
keeps cutting out
cuts out
returning {number}
{service} is out
{service}'s out
{service} is out again

# Market idioms: "down" over a trading span or against a past figure, never an outage.
[exclude en]
down on the day
down on the week
down on the month
down on the year
down year over year
down year on year
down since the ipo
down in after hours
down on the open
down at the open
down at the close
# A recovery said not to have happened is no recovery ("never recovered").
never recovered
hasn't recovered
# The music genre.
down tempo
downtempo
# "the outage" named as a time ("back after the outage") is no fresh report.
after the outage
since the outage
during the outage

# Working again, said of what a service does.
[recovery en]
outage seems over
outage's over
responding again
sorted now
connected again
reconnected
responds again
syncing fine
posting again
uploading again
refreshing again
connects again
loads again
loads fine
works again
responding fine
playing fine
plays again
normal now
looks normal
syncing again
syncing normally
normally again
loading fine
going through now
connecting again

# "Never mind, it was my router": the writer's own fault.
[counter en]
nvm
works here
never mind
nevermind
it was my
was my wifi
was my router
was on airplane mode

# Things fall: the verb comes right before "down".
[sense physical]
fell
fall
falls
falling

# Things are put, taken, knocked or brought down: the object stands between the verb and
# "down" ("put the amazon box down", "took the old verizon sign down"), so the window is wider.
[sense handling 5]
put
puts
putting
took
take
taking
knocked
knock
brought
bring
pulled
pull
tore
tear
threw
carried

# "down to 3 stars", "down by 40": a figure after "down" is a quantity.
[sense market]
to {number}
by {number}

[sense rating]
reach
traffic
member count

# Talk of an outage that is over: a retrospective, an anniversary, an article. Its cues set
# aside every outage phrase after them in the clause, `~` or not ("remember the big aws
# outage in 2021?").
[sense past 6 every]
remember
last year
years ago
article about
article on

# Issue 14, round five: scope. A condition ("if discord goes down tonight", "what would happen
# if aws went down", "imagine if twitter went down") says nothing is down. A question about the
# state is still a report ("anyone know if gmail is down?"): the exclusions below hide the cue.
[sense hypothetical 3]
if
imagine
what if
suppose
in case

[exclude en]
know if
knows if
wonder if
wondering if
tell me if
see if it's
see if anyone

# A denial before the verb: "slack didn't go down during the demo", "never had gmail go down on
# me". Only `~` entries (down, went down) are read so: "didn't load" is an outage phrase of its
# own, and longer, so it wins over the cue.
[sense denied 1]
didn't
did not
doesn't
does not
hasn't
has not

[sense never 3]
never
not once

# An outage dated in the past after it: "chatgpt was down for an hour last month", "slack's
# outage last tuesday". "down since last week" is still down: the exclusion hides the cue.
[sense over 5 every after]
last month
last week
last weekend
last monday
last tuesday
last wednesday
last thursday
last friday
last saturday
last sunday
a month ago
months ago
weeks ago

[exclude en]
since last
until last

# News told as news, before the outage it is about ("news: slack's outage …").
[sense past 6 every]
news:
breaking news about

# Working again, said with a plural subject or of a function.
[recovery en]
~are back
~are back up
are working again
working for me again
works for me again
load again
play again
plays normally
playing normally
streaming normally
loading normally
loads normally
sending normally

# Broken, said of what a service does.
[outage en]
~crashes
crashes every time
won't let me
not connecting
isn't connecting
no connection
no mobile data
signal gone
no calls
blank page
rate limited
http {number}

# A failing verb after the service it is said of ("zoom meetings won't start", "github actions
# stuck in queued", "rogers wireless completely dead"): the negative modal or the failure verb
# is the predicate, whatever verb follows, when a service is named just before it (`^`).
# Longer entries ("won't load") still win where they match.
[outage en]
^won't
^can't
^cannot
^unable to
^fails
^failing
^failed
^stuck
^dead
^cooked
borked
^broke
^kicking me out
^kicking us out
^kicked me out
^logged me out
^logging me out
^logged everyone out
^refuses to
^dropping
^dropped out
^isn't responding
^aren't loading
^isn't sending
^aren't sending
^not sending
^not delivering
^isn't delivering
^offline
internet gone
wifi gone
broadband gone
^something's gone wrong
^went wrong
^trouble connecting
^having trouble
^erroring
^throwing errors
^giving me error
^giving error

# What those verbs also say of anything ("netflix can't stop making bad shows").
[exclude en]
can't wait
can't believe
can't stop
won't stop
cannot wait
cannot believe
can't decide
can't afford
can't get enough
won't lie
can't lie
can't complain
can't argue

# Working again, said of the state ("fine now", "stable again") or of a failure that stopped
# ("stopped buffering", "no more errors").
[recovery en]
fine now
okay now
ok now
good now
stable again
joinable again
fetching again
delivering again
signed in again
logged in again
came back online
stopped buffering
stopped crashing
stopped lagging
stopped freezing
stopped logging me out
no more errors
no more crashes

# Frozen, buffering, lagging: said of the service before it.
[outage en]
^freezing
^frozen
^froze
^buffering
constant buffering
^lagging
^laggy
^glitchy
^times out

[context en]
wireless

# "is gmail down? nope, my wifi was off": the answer takes the question back.
[negation en]
nope
nah

[counter en]
just my wifi
just my internet
just my connection
just my phone
my own network

# Slang, not an outage: "down bad" (longing or losing), "down to play".
[exclude en]
down bad
down to play
down to watch
down to go

# Said of another thing: "aws was fine", "zoom itself was fine".
[counter en]
was fine
were fine
itself was fine
itself is fine

# An outage dated the day before or a month back, after it ("discord went down for an hour
# yesterday"); "down since yesterday" is still down.
[sense over 5 every after]
yesterday
last night
last january
last february
last march
last april
last may
last june
last july
last august
last september
last october
last november
last december
in january
in february
in march
in april
in june
in july
in august
in september
in october
in november
in december

[exclude en]
since yesterday
from yesterday

# Looking an error code up, not getting it: "the netflix error code list", "error -118 usually
# means your own network".
[sense howto 4 every after]
usually means
code list
lookup site
how to fix
how do i fix

# Issue 14, round six (README.md, "Sixth round"): families the error analysis of sets 1-6 and
# train6 showed missing.

# A failure said as a predicate of the service named before it (or after it, past a
# preposition: "nothing loads on netflix").
[outage en]
^out again
^nothing loads
^nothing plays
^nothing happens
^returns nothing
^refuses to load
^stopped entirely
^just stopped
^stops playing
^stopped playing
^kicking them out
^kicking everyone out
^keeps kicking
^not coming
^not letting me
^not letting us
^not giving
^says offline
^says disconnected
^searching for signal
^throwing an error
^giving errors
^being so slow
^so slow
^super slow
^painfully slow
^spinning
^connection reset
^network issue
{number} internal error
internet dropped
no broadband
no wi-fi
both dead
both gone
has been out
been out all

# Working again, said as a predicate of the service before it: a function again, a failure
# stopped, a provider's line back.
[recovery en]
^refreshes again
^picking up jobs again
^picking up again
^letting people join again
^letting people in again
^letting me in again
^letting us in again
^opens again
^launching again
^launch now
^coming through again
^showing again
^resolving again
^back for me
^back for us
^back in
^back after
^fixed,
^'s fixed
^is fixed now
^is up again
^green again
internet back
internet is back
internet's back
wifi back
wifi's back
bars are back
bars back
broadband back
service back
data back
tv back

[exclude en]
back in the day
back in my day
back in time
back in stock
back in 20
back in school
back in town
is down bad
's down bad
are down bad
was down bad
so down bad
is down for a
who's down
who is down
who else is down
anyone down
anybody down
down slightly
slightly down
down sharply
down pre-market
down after-hours
down after earnings
not because it's down
stopped using
stopped paying
stopped watching
stopped posting
stopped following
stopped caring

# Talk of an outage that is over or told as a story: its video, post, memes, postmortem,
# anniversary, searches for it; cues on either side.
[sense over 5 every after]
anniversary
post-mortem
postmortem
# Round ten: a postmortem by its other names.
post mortem
incident review
retrospective
video about
post about
thread about
blog about
reading about
memes
meme
documentary
searches
googled
meaning
in 2015
in 2016
in 2017
in 2018
in 2019
in 2020
in 2021
in 2022
in 2023
in 2024

# A wish or a plan, not an outage now.
[sense hypothetical 3]
rather have
would rather
alerts when
notify me when
alert me when

[negation en]
nothing wrong with
isn't even down
it's never down
never down

[sense physical]
laid
laying
lying
bent
bend
sat
chair

[sense rating]
rank
viewer count

# Round six, second pass.
[outage en]
^loading forever
^immediately closes
^closes immediately
^keeps closing
^blank screen
^homepage blank
^page blank
blank for me
stuck in the outbox
still in the outbox
stuck in outbox
^couldn't load
^could not load
^couldn't connect
^no route
don't appear to be working
doesn't appear to be working
run into an issue
ran into an issue
run into a problem
ran into a problem
access denied
^failing with
^busted
stop crashing
rip {service}

[recovery en]
stabilized
stabilised
errors stopped
^healthy now
finally sent
finally went through
^finally loaded
^finally loading
^working, finally
^working finally
queue cleared

[exclude en]
down with the
down & out
down and out
broken in the sense
down-voting
down-vote
down-voted
down the list
down below

[negation en]
just my vpn
it's our vpn
it's my vpn
its my vpn
your vpn
you're on mute
you are on mute
you're muted
just muted
password wrong
wrong password

[sense past 6 every]
throwback

# Writing about errors, not getting them: a blog post on handling them, a patch, what a code
# means, one's own bug.
[sense howto 4 every after]
blog post on
wrote a blog
blog on
handling
retry with
backoff
what error
means on
error page look
fixed by
my own app
my own typo
my own code

# Round six, on the seventh set's dev half.
[outage en]
giving me a {number}
giving me blank
^completely blank
blank pages
^not letting anyone
^not letting people
^dropping every
^been dropping
zero service
no {service} broadband
no {service} internet
no {service} signal
no {service} service

[negation en]
on purpose
own router
router is unplugged
no it's your
no, it's your

[exclude en]
crashed after hours
tanked after hours

[sense physical]
power line
power lines

# Round six, on train7.tsv (training posts, tuned on after the first measure): failures said as
# predicates of the service before them.
[outage en]
^dead for me
^acting dead
^declined
^just errors
^login loop
^keeps looping
^hangs on
^call failed
^calls fail
^not delivered
^crawling
^slow as
^not starting
^stuck pending
^sits on the loading
^loading bar forever
giving me a blank
^getting timeouts
^keeps timing out
^refusing to
^keep kicking
^overloaded
^keeps throwing
^keeps giving
^throwing error
^gives error
^eats my
^just spins
^feed is empty
couldn't send
can't play this right now
^fails instantly
^fail instantly
^keeps reconnecting
^having a moment
^elevated errors
^requests failing
^calls failing
^not updating
^won't update
^won't sync

[negation en]
won't be down
it was just her
it was just my
it was just his
it was just their

[exclude en]
always down for
down for a spotify

[sense over 5 every after]
fake screenshot
screenshot of
is from 2019
is from 2020
is from 2021
is from 2022
is from 2023
of 2019
of 2020
of 2021
of 2022
of 2023
whenever her
whenever his
whenever my

[sense hypothetical 3]
hypothetically

# Round six, last pass: a provider's line out since a time, cutting in and out, no bars; "no
# outage posted" is the provider's silence, not the writer's denial.
[outage en]
^out since
^cutting in and out
^keeps cutting
^zero bars
no 4g
no 5g
no satellite signal
giving me {number}

[exclude en]
no outage posted
no outage listed
no outage reported
says no outage
shows no outage
no outage on their
no outage on the

# Round six, on train7.tsv: a question answered no right after it ("netflix down? no."), a video
# taken down, an old anniversary, a parody, a plan of what one would do.
[negation en]
down? no,
down? no.
down? nope
down? nah
airplane mode

[exclude en]
taken down from
got taken down
was taken down
dropped out of
chat is dead
chat's dead
chat was dead
party on

[recovery en]
^finally loads
^loads now

[sense over 5 every after]
on this day
parody

[sense hypothetical 3]
would you do if
if you get

[sense howto 4 every after]
even mean
codes list

[sense rating]
productivity

# "chase down", "chase it down": the verb, not the bank (issue 14, round seven).
[exclude en]
chase down
chase it down
chase them down

# Issue 14, round seven, on the eighth set's dev half: a provider or game back "finally" ("rogers
# finally back on my end", "steam let me log in finally"); talk of an outage that is a rumour,
# a trend or an anniversary ("rumour going around that whatsapp is down", "\"Is Twitter down?\"
# trended", "a year ago today the playstation network was offline").
[recovery en]
^finally back
back on my end
^let me log in finally
^let me in finally
^finally let me log in
^finally let me in

# What never finishes fails: "a loading bar that never ends", "the page never loads" (said of
# the service, or of its function: see `^` in lexicons/README.md).
[outage en]
^never ends
^never loads
^never finishes
^never arrives
^never connects
^never goes through

[sense news 4 every after]
rumour
rumours
rumor
rumors

[sense over 5 every after]
trended
trending

[sense past 6 every]
a year ago
ago today

# A game's launcher names its service: "bnet launcher".
[context en]
launcher

# Issue 14, round seven, on train8.tsv: slang for a service that broke, said of the service
# before it ("github is toast", "slack shitting the bed", "zoom crapped out", "roblox bricked??",
# "steam's on the fritz").
[outage en]
^is toast
^kaput
^on the fritz
^shitting the bed
^crapped out
^bricked
^awol
^gone mia
^janky
^logs me out
^error out

# Issue 14, round eight, on the ninth set's dev half: Cloudflare's own error codes said as a
# plural ("seeing cloudflare 520s"), messages that do not go through, and a service that lets one
# in again, catches up or delivers at last ("chase app lets me log in again", "slack caught up,
# all the messages flooded in", "imessage finally delivering"); catching up *on* something (a
# show, an inbox) is no recovery.
[outage en]
520s
521s
522s
523s
524s
^not going through
^aren't going through
^isn't going through

[recovery en]
^caught up
^lets me log in again
^let me log in again
^lets me in again
^let me in again
^lets me sign in again
^let me sign in again
^finally delivering
^finally syncing
^finally sending
^finally connecting
^finally delivered
^finally synced
^finally connected

[exclude en]
caught up on
caught up with
caught up in

# A show or a person back on a service later, or back from a break ("the office is back on
# netflix next month", "my favourite streamer is back from vacation on twitch"): no recovery.
[sense scheduled 4 after]
next month
next week
next season
next year
from vacation
from holiday
from holidays
from hiatus
from a break
from break

# A screen that stays grey, an answer cut off halfway ("teams meeting link just loads a grey
# screen", "chatgpt answers stop halfway"); a meeting link names Teams, Zoom or Meet; snow that
# is down is weather.
[outage en]
^grey screen
^gray screen
^stop halfway
^stops halfway
^stopped halfway
^cut off halfway
^cuts off halfway

[context en]
meeting link
meeting links

[sense physical]
snow

# Round nine of issue 14 (the ninth test half and the tenth dev half, spent). The writer's own
# fault told after the outage words ("spotify kept failing … turns out my card expired"):
# counter-evidence, which cancels them. "turns out my/i" open a clause about the writer's own
# thing, and what its first words say decides: "turns out my router was fine / wasn't the
# problem", "turns out i was right" deny the fault and cancel nothing (round ten). The
# writer's own fault or judgement cancels whatever concession comes between; a status page's
# reading ("all green") cancels only an outage asked or told as past ("is
# gmail down? status page says all green"), not one the writer asserts ("discord is down and
# the status page is all green lol"). See `classify.rs`, `read_counter`.
[counter en]
turns out my
turned out my
turns out i
turned out i
my bad
my fault
my own fault
user error
all green
pretty sure it's nothing
it's probably your isp
probably your isp
it's your network
its your network
it's your wifi
it's your connection
it's your internet

# Round ten: no date for the repair yet is still down. A date not yet given for a feature is
# roadmap talk ("dark mode for the ios app? no eta yet"): round eleven reads "no eta yet" in its
# roadmap sense near the cues below (cues of a sense read every `~` entry, so only words that
# never stand next to a real outage).
[outage en]
no eta on a fix
no eta for a fix
~no eta yet
no timeline for a fix

[sense roadmap 6 after]
roadmap
dark mode
feature request
new feature
the feature
release date
launch date
coming to android
coming to ios

# A maintenance window announced ahead is no outage ("Scheduled maintenance: … will be
# undergoing maintenance … Some features may be unavailable"). Once it is over, it is a return:
# an outage told after it is a report (round ten; the longer entry wins over the cue).
[recovery en]
scheduled maintenance is over
scheduled maintenance ended
scheduled maintenance is done
scheduled maintenance finished
planned maintenance is over
planned maintenance ended
maintenance window is over
maintenance window ended

[sense planned 6 every after]
scheduled maintenance
planned maintenance
will be undergoing
maintenance window
during maintenance
during the maintenance

[exclude en]
may be unavailable
will be unavailable
may be briefly unavailable

# Round eleven (spent sets 1-11 and the twelfth dev half): failures told as a scene, returns told
# in other words. A scene often follows the service's name in the next clause; a `^` outage
# predicate there finds it (see README.md, `^`).
[outage en]
^hanging in pending
^hanging on the
^keeps hanging
^just hangs
^hangs forever
^hanging forever
^completely gone
^staying green
^stays green
^going out green
^sending as green
^errored out
^erroring out
^errors out
^won't go through
^payment won't go through
^just spinning
^keeps spinning
^stuck spinning
^spinning forever
^stuck going round
^keeps kicking me out
^keeps logging me out
^logs me out every
^blank feed
^feed is blank
^feed's blank

[recovery en]
^has bars again
^have bars again
^has signal again
^have signal again
^has service again
^have service again
^got bars back
^got signal back
^lets us in again
^let us in again
^lets us join again
^let us join again
^lets me join again
^let me join again
^lets me play again
^let me play again
^let us play again
^lets us play again
^goes through now
^goes through again
^went through now
errors cleared
^errors have cleared
^errors are gone
^error is gone
^errors gone
^is alive
^'s alive
^is sorted
^'s sorted
^seems sorted
^sorted itself out
^sorted itself
^got sorted
^fixed itself
^is behaving again

# The writer's own line or network, named as the cause ("is zoom broken? no, it's the VPN at our
# office").
[counter en]
it's the vpn
its the vpn
it was the vpn
it's the wifi
it was the wifi
it's the router
it was the router

# Issue 14, round twelve: counts of a service's users are a rating, not its outage ("TikTok
# daily active users reportedly declined in Q2": the users declined, not a payment). "users"
# alone is not a cue ("down for 50% of users" is an outage).
[sense rating]
active users
daily users
monthly users
user count
user numbers
user base

# Issue 14, round twelve, on the thirteenth set's dev half, by class. Scenes: nothing loading
# said with "is"; returns said as a fix that holds ("whatever was broken seems fixed").
[outage en]
^nothing is loading
^nothing's loading

[recovery en]
seems fixed
seems to be fixed
looks fixed

# Talk about an outage as a search trend, a year's recap, or a record ("\"Is Instagram down?\"
# was one of the most searched questions", "still the longest outage I've lived through"); a
# belief others had ("my whole team assumed zoom crashed").
[sense news 4 every after]
most searched
recap

[exclude en]
longest outage
biggest outage
for offline
other sites work
other sites are fine
every other site works
everything else works

[sense belief 3 every]
assumed

# A download, a video or a stream stopped at a share of its progress ("stops at 99% loading";
# not "stuck at", which would hide "stuck at \"pending\"");
# a provider gone from a whole block ("now the whole block has no Xfinity").
[outage en]
^stops at {number}
^frozen at {number}
has no {service}
have no {service}

# Issue 14, round thirteen. Error names as cloud and registry APIs return them, one word
# ("InternalError", "ServiceUnavailable"); a service's own thing recovered, not the service
# ("gmail recovered my deleted draft").
[outage en]
internalerror
serviceunavailable

[exclude en]
recovered my
recovered your
recovered our
recovered all my
recovered the deleted

# A share's ticker is market talk ("PYPL is down again", "META down, GOOGL down, AMZN down",
# "$NFLX getting cooked, down 9%"): a `~` word right after it is the price. Named as a service
# the tickers of the spent sets made five market posts reports and one report right, so a
# ticker names no service. Only tickers that are no English word (not SPOT, SNAP, COIN, META).
# A sense of their own (round fifteen): a ticker written right before one of its company's
# services says whose service it is ("msft teams is down"), not that a share fell.
[sense ticker]
nflx
amzn
googl
goog
pypl
rddt
rblx
msft
aapl
nvda
tsla

# Round thirteen, the fourteenth dev half: a return told as a resurrection; a screen that loads
# forever; planned work with its kind named ("down for routine maintenance"); asking what one
# does when a service is down, or where to see it, is no report ("what do you guys do when
# discord is down?", "is there a site that tracks when Gmail is down?").
[recovery en]
risen from the grave
rose from the grave
back from the dead
risen from the dead

[outage en]
infinite loading
infinite loading screen
endless loading

[exclude en]
down for routine maintenance
down for planned maintenance
down for weekly maintenance
down for server maintenance

[sense habit 4 every]
do when
do whenever
does when
tracks when
track when

# An outage dated to a year gone by ("the big KDDI outage back in 2022"): "back in 20" alone is
# also "back in 20 minutes", so the year's first digits.
[sense over 5 every after]
back in 200*
back in 201*
back in 202*

# An outage looked back on as a lesson ("that gmail thing this morning was a good reminder to
# back up my mail #gmailfail").
[sense past 6 every]
good reminder
was a reminder

# Round fourteen, on spent data (sets 2-14): a failure told as what the screen does, with the
# service as its subject ("spotify skipping every song after 3 seconds", "every single video is
# a black screen", "msgs stuck grey", "sitting in the outbox", "feed stopped updating"). Each
# needs a service before it (`^`): "my tv is a black screen" names nothing.
[outage en]
^skipping every song
^skipping every track
^skips every song
^skips every track
^black screen
^blank white screen
^blank white page
^white screen of death
^greyed out
^grayed out
^stuck grey
^stuck gray
^stuck on the loading
^stuck on loading
^stuck on one tick
^stuck on one grey tick
^just sit there
^just sits there
^sitting in the outbox
^sitting in my outbox
^stopped updating
^kicking everyone
^closes itself
^grey boxes
^gray boxes
^can't be reached
^connection gone
^connection is gone
^internet has been gone
^internet's gone
^broadband's gone
^fiber dropped
^fiber just dropped
^fibre dropped

# Round fourteen, tuned on the fifteenth set's dev half.
# Forecasts and the economy go down as markets do ("Economic outlook is down for Q4").
[sense market]
economic
economy
forecast
forecasts
gdp
inflation

# A count that is "way down" is an amount ("engagement on instagram is way down for me"); no
# outage is said so.
[exclude en]
way down for me
is way down
are way down
# Scare quotes: an outage word quoted alone is a word someone used, not one the writer says
# ("Twitter isn't down, the \"outage\" is just your extension").
"outage"
the "outage"
"down"

# The writer's own one, answering a question: "Is Gmail down? I don't think so, mine's loading
# fine".
[counter en]
mine's loading fine
mine's working fine
mine's fine
mine is fine
mine works fine
mine's working

# Sign-in errors said in the plural, and a queue that will not start.
[outage en]
^sign-in errors
^sign in errors
^login errors
^can't queue
^cant queue

# An outage dated by its year right before it ("the Cloudflare 2019 outage writeup"); the year
# after it is not read ("down since 2019" is rare, "feels like 2022 all over again" is a report).
# Only 2010-2029: "Error #2000 network error" is a code.
[sense dated 1 every]
201*
202*

# Round fifteen, tuned on the sixteenth set's dev half: the error text of a chat assistant
# ("Hmm...something seems to have gone wrong."), and an outage denied as the cause ("streak
# died because I forgot, not because the app was down").
[outage en]
something seems to have gone wrong
seems to have gone wrong
[negation en]
not because the app was down
not because the app is down
not because it was down
not because it's down
not because the site was down

# Round sixteen: a boxer's, or a tired dog's, "down for the count" is no outage.
[exclude en]
down for the count
is down for the count
was down for the count
are down for the count
went down for the count

# Round sixteen: a service letting the writer in again is its return ("Chase app letting me log
# in again", "Cash App finally lets me log in after being down all morning"); "won't let me",
# "doesn't let me" and "isn't letting me" are failures, read by the forms before them.
[recovery en]
^letting me log in again
^letting me in again
^letting me sign in again
^lets me log in again
^lets me in again
^lets me sign in again
^finally lets me log in
^finally letting me log in
^finally lets me in
^finally letting me in
^finally lets me sign in

# "Epic" as a word, next to an outage word (?Epic is Epic Games, round sixteen).
[exclude en]
epic fail
epic failure
epic fails
epic crash
epic meltdown

# Round sixteen: a service said to misbehave in slang ("is dc being weird rn", "gpt just
# ghosted me mid-answer") and an app's own "couldn't refresh" error, all needing the service
# named before them.
[outage en]
^being weird
^acting weird
^being wonky
^acting wonky
^ghosted me
^couldn't refresh
^could not refresh

# An app's generic error screen, quoted (round sixteen, dev17: "League client: \"An unexpected
# error has occurred with the login session.\"").
[outage en]
an unexpected error has occurred
an unexpected error occurred
^unexpected error

# The outages named as not the reason (round sixteen, dev17: "leaving Twitter: it's not the
# outages, it's the vibes").
[negation en]
it's not the outages
it's not the outage
not because of the outages
not about the outages

# Round seventeen, on spent sets: a price moved by an amount of money ("google is down two
# bucks a share"); the number may be spelled out, as a sense cue's may.
[sense market]
{number} bucks
{number} dollars
{number} cents

# Round seventeen, the eighteenth dev half. Someone else's claim the writer did not believe
# ("my brother tried to tell me netflix was down but he forgot to pay").
[sense belief 3 every]
tried to tell me
tried to tell us
tried telling me

# A price that fell to a low ("PayPal crashed to a 5 year low"): the low is named after the
# verb, so the cues of this sense count after a `~` entry too.
[sense price 4 after]
year low
week low
month low
all-time low
all time low
record low
year high
all-time high

# A team's morale and spirits go down as moods do ("team morale is down").
[sense rating]
morale

# An outage word hidden by a shorter entry that ends inside it ("fiber out" in "Fiber outage"
# starts first and is then set aside at the word's end): the whole phrase, as the longer entry.
[outage en]
fiber outage
fibre outage
broadband outage
cable outage
broadband out
broadband's out
broadband is out

# Round seventeen, on spent sets: servers up as a return ("league servers are up, just got
# into a game").
[recovery en]
servers are up
servers are up again
servers are back up

# Slang for misbehaving, as "being weird" is ("snap tweakin fr fr, cant send NOTHIN"); only
# of a service named before it.
[outage en]
^tweaking
^is tweaking
^tweaking out

# Round seventeen, on spent sets: a battery gone flat is the writer's device ("the remote just
# had dead batteries"); a denied outage in a year; a scam text about an outage.
[exclude en]
dead batteries
dead battery
batteries died
batteries are dead

[negation en]
not one outage
not a single outage
zero outages

[sense news 4 every after]
is a scam
was a scam
is phishing

# Round eighteen, on spent sets: a return hoped or prayed for is no return ("praying spotify is
# back by my commute", "hope steam comes back before the sale ends"), nor one asked about in
# the future ("when is twitter going to be back up").
[sense hypothetical 3]
hope
hoping
hopefully
praying
pray
fingers crossed

[exclude en]
going to be back
gonna be back
going to be back up
gonna be back up

# Round eighteen, on spent sets: a cloud's machines (instances, EC2, VMs) are its parts, as its
# servers are ("kakao cloud instances all down").
[context en]
instance
instances
vm
vms

# Round eighteen, on spent sets: every song skipping ("SPOTIFYYYY WHYYYY every song skips after
# 2 seconds", "spotfy keeps skipping evry song"), of a service named before it.
[outage en]
^every song skips
^every track skips
^keeps skipping
^keep skipping

# Round eighteen, on spent sets: the cause named after the outage ("slack, notion and our own
# api are all down — root cause: aws us-east-1 again") reports the service named as the cause.
[outage en]
root cause: {service}
root cause is {service}
root cause was {service}
root cause {service}
caused by {service}

# Round eighteen, on spent sets: notion the word ("I have no notion why my code throws an
# error") and a city's train lines ("Red Line is down between Park and JFK") are no service.
[exclude en]
no notion
any notion
the notion
a notion
notion that
notion of
red line
blue line
green line
orange line
yellow line
silver line
purple line
brown line
pink line
circle line
district line
central line
northern line
jubilee line
victoria line
piccadilly line
elizabeth line
subway line
tube line
train line
metro line
bus line

# Round eighteen, on the nineteenth set's dev half: a provider's line going in and out, SOS
# only written with a hyphen or the other way round, a provider out across a place ("Spectrum
# out in all of north Charlotte"), an API's error type as it prints it (api_error).
[outage en]
^going in and out
^been going in and out
sos-only
only sos
{service} out in
{service} out across
{service} out all
api_error
server_error
internal_error
^is fckd
^is fcked
^fckd rn

# Round eighteen, on the nineteenth set's dev half: service back ("T-Mobile service returned
# around 3pm"), messages coming through at last, an outage that seems over.
[recovery en]
service returned
service has returned
service returned around
^finally coming through
messages finally coming through
seems over
seems to be over

# Round eighteen, on the nineteenth set's dev half: a share that falls after earnings or is
# weighed as a stock ("Snap crashing again after earnings", "at what point is it a value
# stock"), read on both sides.
[sense earnings 5 after]
after earnings
value stock

# Round eighteen, on the nineteenth set's dev half: discord the word (strife).
[exclude en]
much discord
discord in the family
family discord

# Round eighteen: a password forgotten is the writer's own trouble, not the service's ("he just
# forgot his password", 비번 까먹어서 로그인 못 하는 중).
[sense own 6 every after]
forgot my password
forgot his password
forgot her password
forgot the password
forgot their password

# Round eighteen, on the nineteenth set's dev half: a line slowed to nothing ("xfinity internet
# slow to nothing tonight"), an app that says it is offline a few words on ("spotify???? …
# music just stopped and it says offline"); money back is a refund, no return ("money's back
# in my account").
[outage en]
slow to nothing
slowed to nothing
it says offline
says im offline
music just stopped

[exclude en]
money's back
money is back
refund is back

# Round nineteen: a plea to a service named before it to load or work ("reddittttt pls load",
# "gmail pls pls pls load my inbox").
[outage en]
^pls load
^plz load
^please load
^pls work
^plz work
^please work

# Round twenty: a cloud's region or instances gone at once ("now Google Cloud europe-west9 is
# just gone", "half our EC2 instances are just gone": the seventeenth and eighteenth test halves).
# Only of infrastructure, a region's code or the service itself (`classify.rs`, `INFRA`): "the
# dislike button is just gone" is a feature removed.
[outage en]
^is just gone
^are just gone

# Round twenty: a signal at zero, as "no signal" ("T-Mobile has zero signal in my whole
# neighborhood rn": the twentieth test half). Said of a line: a provider named before it, or
# after it past a preposition ("zero signal on verizon"); "zero signal that prices will drop"
# is no sign.
[outage en]
^zero signal
^zero bars

[exclude en]
zero signal that

# Word lists the reading rules consult (`[words NAME]`, README.md "Word lists"; `words.rs`).
# Not phrases: a word here is never matched in a post on its own, only asked about by a rule.

# Words that open a new sentence: what follows speaks of something new as often as not
# ("opened spotify, but then my laptop died"). Korean ones in ko.lex.
[words new-sentence en]
but then
anyway
meanwhile

# The writer's own devices, power and body: right before an outage word they are its subject,
# not the service named further back ("watched netflix all night and my laptop just died").
[words own-thing en]
laptop
computer
pc
battery
power
car
brain
kid
kids

# Words that may stand between such a noun and its outage word ("my phone just died").
[words own-adverb en]
just
totally
completely
suddenly
also
now
then

# A question the writer answers no ("ebay down? nope"): the first word of the answer.
[words answer-no en]
nope
nah
nvm

# The words after "no" that make it an answer and not a determiner ("no I just got outbid",
# "no it's fine", "no, wait"; not "no emails coming in"). Not "i'm" or "my": "no i'm not
# kidding", "no my whole feed is blank" insist on the complaint.
[words after-no en]
i
it
it's
its
just
wait
lol
lmao
false
all

# Round twenty-five: the phrases after "not" that make it the writer's answer of no ("roblox
# down? not here, my kid's been playing for 4 hours", "is x down? not on my end"), where "not
# loading" or "not working" goes on with the complaint. Whole phrases of the writer's own side:
# a lone "for" or "over" also opens "not for long", "not over yet" (review 19).
[words after-not en]
here
over here
on my end
on mine
mine

# Words that make an English answer insist on the complaint rather than take it back ("no,
# not kidding, it's been 2 hours", "nah seriously").
[words insist en]
kidding
joking
joke
serious
seriously
srsly
literally
still

# A cloud's or host's infrastructure: the only subjects "^is just gone" takes besides a region's
# code and the service's own name ("half our EC2 instances are just gone"; not "the dislike
# button is just gone").
[words infra en]
region
regions
zone
zones
az
instance
instances
server
servers
cluster
clusters
vm
vms
database
databases
db
bucket
buckets
dyno
dynos
node
nodes
pod
pods
container
containers
droplet
droplets
datacenter
datacenters
host
hosts
site
website

# Round twenty-one: the writer's own thing named as the cause of what looked like an outage
# ("checked downdetector for whatsapp, flat line, nothing. must be my own wifi"): each word of
# `own-cause` after each frame of `cause-frame` is read as a [counter] entry (`classify.rs`,
# `add_own_causes`), as "it was my" and "just my wifi" are. Korean ones in ko.lex.
[words own-cause en]
# (round twenty-nine: the writer's end of the line, "was my end", "must be my end")
end
wifi
wi-fi
router
modem
phone
laptop
computer
battery
remote
vpn
browser
connection
internet
network
adblocker
dns
cache
cable

[words cause-frame en]
# (round twenty-nine, dev30: "… loads fine now. was my end the whole time")
was my
must be my
was just my
it's just my
turned out to be my
turns out it's my
probably my
probably just my
prob my
prolly my
pretty sure it's my

# Round twenty-one (review 15): a named cause only raised to be ruled out takes nothing back
# (`doubt.rs`): answered no right after it as a question ("must be my phone? no"), suspected
# before it in its clause ("i thought it must be my modem"), or followed by a contrast in its
# sentence ("… but the whole street is out").
[words cause-no en]
no
nope
nah

[words cause-suspect en]
thought
figured
assumed
assuming

[words cause-but en]
but
except
however

# Negations right before a named cause deny it: "discord is down and no, it's not probably my
# router" blames no own thing.
[words cause-not en]
not
isn't
wasn't
ain't
never

# Round twenty-one (review 15): the own things that are an internet or phone provider's line or
# device: in a post naming a provider, "must be my modem" blames the provider, not the writer.
[words provider-line en]
internet
connection
network
modem
router
wifi
wi-fi
cable
phone

# The writer's own things a failure is first blamed on (see ko.lex's `suspected-own`): "회사
# wifi 문제인줄 알았는데" lets the writer's thing go, and takes no outage back.
[words suspected-own en]
wifi
router
phone

# The words of a line, an internet or phone provider's or the writer's own (`classify.rs`,
# `sentence.rs`; Korean ones in ko.lex). `line-home`: a home line or its box, which named beside a
# very ambiguous provider's name opening a post makes the name the provider's ("BT's back. hub
# went blue again"). `line-carried`: what a provider carries, whose outage in a post naming one
# provider is that provider's (the mobile generations too: "5G 안 잡히고 LTE도 끊김").
# `line-own`: the writer's own line and phone, of a provider the service's own, of any other
# service the writer's.
[words line-home en]
internet
wifi
wi-fi
broadband
fibre
fiber
hub
router
modem
landline

[words line-carried en]
internet
wifi
data
5g
lte
4g

[words line-own en]
internet
wifi
data
phone
tv

# Round twenty-one: the writer restoring their own data from a backup is that data coming back,
# not a service's return ("restored my old iphone from an icloud backup and everything's back").
# Only the writer's own restore, said done: a service "restored from the outage" is a return,
# and a restore that fails ("can't restore from backup, icloud is down") is still a report.
[sense restore 12 every after]
restored my
restored all my
i restored
restored it from a backup
restored from a backup
restored from my backup
restored from an old backup

# Round twenty-one: nostalgia is the past ("kinda miss the days when tumblr went down and
# everyone came to twitter").
[sense past 6 every]
the days when
miss when
those days when

# Round twenty-one: a return with something new is an artist's or a show's, not a service's
# ("Taylor's back with a new album, spotify is going to melt").
[exclude en]
's back with a new
is back with a new
are back with a new
back with a new album
back with a new season

# Round twenty-one: an incident declared, said of a service ("google cloud is having an
# incident"). An adverb between the copula and the word ("comcast is completely out") is read by
# the frames themselves (`own-adverb`, `classify.rs`, `Matcher::template_at`).
[outage en]
{service} is having an incident
{service} is having a major incident

# Round twenty-one: a trading session told after the verb is the price, on either side in the
# clause ("snap crashing after hours again", "META tanking pre-market"), but not when an outage
# word follows it right ("slack is back up after hours down": how long it lasted). The opening
# bell ("at the open") is a session only in a post that talks of a price otherwise (a market or
# ticker cue, or a cashtag): "zoom crashes at the open of every meeting" is none (`classify.rs`,
# `Matcher::session_of_no_price`). A post whose price fell reads its later loose outage words the
# same way (`set_aside_after_price_talk`: "Uber down 6% at the open. my calls are cooked").
[sense session 3 after]
premarket
pre-market
after hours
after-hours
in early trading

[sense opening 3 after]
at the open
at the bell

[exclude en]
after hours of

# Round twenty-one: the writer's own account suspended or payment lapsed is the writer's
# trouble ("spotify kept failing to play … turns out my card expired", "got my instagram
# account banned"); a session that keeps expiring is still a report.
[sense own 6 every after]
card expired
card's expired
card's just expired
premium expired
premium just expired
premium had lapsed
subscription expired
account got suspended
account got banned
account was suspended
account was banned
account banned
account suspended

# Round twenty-two also read people's belief ("people think X is down"), "^properly/blue/...
# again" as a return, "not a {service} outage", "outage of/in 199x-202x" and "ranked" as a rank;
# review 16 found each took back real reports ("discord isn't working properly again", "not a
# full outage but slack is degraded", "slack's first outage of 2024", "outage of 200+ sites",
# "ranked is down on overwatch", "people think teams is down ... same here"), and they were
# removed rather than patched: each was written from one dev23 post the vetter already read.

# Round twenty-two: a failure that went away is a return of the service, the failure named right
# before the word that it is gone ("the login error is gone", "the 503s went away"). Set aside,
# not made a recovery: what says the return is the post's own recovery phrase, when it has one.
[sense gone 0 every after-only]
is gone
are gone
is finally gone
are finally gone
went away
disappeared

# Round twenty-two: a return that brings a fresh failure is still a failure ("whatsapp is back
# with a new error"): the return is said together with what fails now. Written from the verb,
# which is itself a return and would win as the longer match from the left.
[outage en]
back with a new error
back with a different error
back with another error
is back with a new error
is back with a different error
is back with another error
's back with a new error
's back with a different error
are back with a new error
are back with a different error
came back with a new error
came back with a different error
came back with another error

# Round twenty-three: a drill or a test of an outage is no outage ("our outage drill went well",
# "ran a chaos test where we pretended stripe was down"): the cues set aside every outage and
# recovery phrase near them, on both sides, as a maintenance announced ahead does. Only cues
# that name what is drilled (review 17): a bare "drill" is also a verb, a tool, a music genre
# and a fire drill ("about to drill into this bug", "my drill playlist").
[sense drill 6 every after]
outage drill
outage drills
failover drill
failover drills
failover test
dr drill
disaster recovery drill
disaster recovery test
chaos test
chaos experiment
simulated
simulating
pretended

# Round twenty-three: the `handling` verbs that also bring a thing down as a cause does. With a
# service's name right before "down" the service was brought down ("a power event took a bunch
# of EC2 down", "the storm knocked comcast down"): an outage, not a thing handled. Not put,
# pull, tear, throw or carry ("put the xbox down and go to bed").
[words take-down en]
took
take
takes
taking
knocked
knock
knocks
brought
bring
brings

# Round twenty-three: after a return, the outage named as the one just past is the return's
# story, not a fresh report ("zoom came back just in time, I was ready to use the outage as an
# excuse", "at&t is back for me, looks like they fixed the outage"), unless a word after it in
# its clause says it goes on ("netflix is back but the outage is still hitting my parents' tv").
[words ended-outage en]
the outage
that outage
the downtime
[words goes-on en]
not
still
again
continues
continuing
ongoing
persists
spreading
# ... never after one of these words before it in its clause, which turn to the rest ("spotify
# is back on my phone but the outage is hitting my laptop"; was a list in code, round twenty-five).
[words outage-turn en]
but
then

# ... and, read as the first words of the clause after it, what tells it as ended ("the outage
# lasted three hours", "I was ready to use the outage as an excuse"); words that may close the
# clause and say nothing of it.
[words outage-ended en]
lasted
was
were
ruined
made me
wiped
cost
costs
killed
is over
as an excuse
earlier
yesterday
this morning
last night
[words clause-filler en]
though
tho
lol

# Round twenty-three: after a take-down verb and a service, the first words after "down" that
# say where a thing handled went or by how much ("knocked my xbox down off the shelf", "take
# netflix down a notch"): no outage.
[words past-down en]
off
from
to
into
onto
the stairs
a notch
a peg
# With a person for the subject ("i", "we"), an owner before the service ("took my tiktok
# down") or a time after "down" ("taking facebook down for lent") is one's own thing put away.
[words take-down-owner en]
my
his
her
our
their
your
[words take-down-person en]
i
i'm
im
i'll
ill
i've
ive
we
we're
we'll
she
he
they
you
u
[words down-for-a-time en]
for
while

# Round twenty-three: a provider or service said to have fixed its outage is back ("t-mobile
# fixed the outage, calls working"); not fixed yet, asked, or said with a doubt is an outage
# ("still hasn't resolved the outage", "did verizon fixed the outage yet?", "has supposedly
# resolved the outage"): those are longer and win. "the outage was fixed" is left out: it is
# mostly what someone said ("comcast said the outage was fixed an hour ago, modem still
# blinking").
[recovery en]
fixed the outage
resolved the outage
outage is fixed
outage has been fixed
outage is resolved
outage has been resolved
[outage en]
haven't fixed the outage
hasn't fixed the outage
havent fixed the outage
hasnt fixed the outage
not fixed the outage
never fixed the outage
outage is not fixed
outage isn't fixed
outage isnt fixed
outage still not fixed
outage is still not fixed
haven't resolved the outage
hasn't resolved the outage
havent resolved the outage
hasnt resolved the outage
not resolved the outage
never resolved the outage
outage is not resolved
outage isn't resolved
outage isnt resolved
outage still not resolved
outage is still not resolved
fixed the outage?
resolved the outage?
fixed the outage yet
resolved the outage yet
outage is fixed?
outage is resolved?
supposedly fixed the outage
supposedly resolved the outage

# Round twenty-three: a very ambiguous provider's name opening the post may reach its outage
# or recovery phrase past one word of its line ("BT line is dead … the broadband light is
# off"), in a post that names a line: the line itself is one of its words.
[words line-home en]
line

# A denied cleft of the service named right before an outage word: "it's not Discord that's
# broken", "it isn't slack that is down" (the writer goes on to name what is). What opens it
# before the name, and what links the name to the outage word, each with a space either side
# (`denied_cleft`; was a list in code until round twenty-five).
[words cleft-denial en]
it's not
its not
it is not
it isn't
it wasn't
it was not
[words cleft-link en]
that's
that is
that was
that are
that

# Round twenty-six (the twenty-seventh set). An outage dated "back in" a month is one told
# from the past ("discord had an outage back in march that killed our bracket"): the cue sets
# aside the outage word before it and "back in", which reads as a return otherwise.
[sense over 5 every after]
back in january
back in february
back in march
back in april
back in may
back in june
back in july
back in august
back in september
back in october
back in november
back in december
back in the spring
back in the summer
back in the fall
back in the winter
incident report
post-incident

# A condition said outright sets aside every outage word after it in its clause, not only a
# `~` one as `hypothetical` does ("hypothetically if slack died tomorrow", "imagine if
# discord crashed during finals", "what would happen if aws died"): the outage is not real.
[sense conditional 4 every]
hypothetically
hypothetical
imagine if
what would happen if
what happens if
what would you do if
supposing

# An error identifier a browser or network layer shows, copied as the screen has it (Chrome's
# ERR_CONNECTION_TIMED_OUT, ERR_NAME_NOT_RESOLVED, DNS_PROBE_FINISHED_NXDOMAIN, a
# SERVICE_UNAVAILABLE): an outage phrase wherever it stands. Only the families a user meets
# when a service is unreachable: a program's own errors (Node's ERR_REQUIRE_ESM,
# ERR_INVALID_ARG_TYPE) and settings (read_timeout, idle_timeout) are the writer's code, not the
# service (review 20), so there is no `err_*` nor `*_timeout`.
[outage en]
err_connection_*
err_name_*
err_network_*
err_internet_disconnected
err_address_unreachable
err_timed_out
err_ssl_*
err_http2_*
err_empty_response
dns_probe_*
*_timed_out
service_unavailable

# The words of such an identifier are its own: ERR_NAME_NOT_RESOLVED is no return.
[exclude en]
*_resolved
*_restored
*_ok

# A share of 100% is no price that fell: "btc down 8%, binance down 100%" is Binance all down
# (the exclusion hides the `{number}%` cue, as a share under 100% is a price).
[exclude en]
100%

# A reason or a turn ends the reach of an `every` sense's cue before the outage word: "can't
# reproduce the bug because github is down again" is a report (review 20).
[words scope-end en]
because
since
cuz
bc
but

# An outage the writer tried and failed to see is none of theirs: "I wasn't able to reproduce
# the slack outage people mentioned", "couldn't reproduce the github outage on my end". The
# cue reads only before the outage word: "slack keeps crashing and support says they can't
# reproduce it" is a report.
[sense unreproduced 5 every]
wasn't able to reproduce
was not able to reproduce
couldn't reproduce
could not reproduce
can't reproduce
cannot reproduce
unable to reproduce
failed to reproduce

# The common outage and recovery words a post must hold, as typed, for a name typed wrong to be
# read in it ("gmial is down"; `misspell.rs`, and the prefilter's search): matched in the text as
# typed, case aside, so they are kept as written, spaces and all (a word between double quotes
# keeps the spaces at its ends). A rule about a few strong words keeps the prefilter's second scan
# to the posts holding one. The Korean ones are in ko.lex. Round twenty-six added "keeps ", for the
# grammar form "keeps + verb-ing" ("spotfiy keeps skipping").
[words misspell-gate en]
down
outage
not work
n't work
not load
n't load
not send
n't send
crash
error
broke
offline
not respond
n't respond
back up
is back
ing again
fixed
"keeps "

# Words that tell an outage phrase after them as what was, once it works again: past forms of
# "be" and "have", words of earlier time ("it *was* down for like 20 min"; "it's fixed now,
# *whatever* the outage was"). An English word here is read whole, a Korean one (ko.lex) within
# a word (`told_as_before`).
[words earlier en]
was
were
had
earlier
whatever
being
before

# Words right after an outage phrase that say the failure stopped ("no more errors *anymore*",
# "the login error *is gone*"; `told_as_ceased`); the Korean ones are in ko.lex.
[words ceased-after en]
anymore
any more
is gone
are gone
went away
has gone away
's gone

# What an error is shown on, between the error and its "is gone": "the \"something went wrong\"
# page is gone" (`told_as_ceased`).
[words error-screen en]
page
screen
message
banner
popup
pop-up

# An error code read after a verb of showing or getting ("throwing H10", "getting 503 on every
# request", "ps5 says WS-116522-7"; `grammar.rs`). before-code: the words that may stand between
# the verb and the code (pronouns, articles, words of error: "giving *me* 0x87dd0003").
# failure-near: words of failure the error's message holds within three words after its code
# ("H10 app *crashed*"). after-status: words that may follow a short code or an HTTP status
# standing alone as the error, prepositions and adverbs, never a noun it would count or name; not
# "from" or "and", which follow a count as often ("400 from one share", "500 and counting"), and
# "for" only before a word of fails-for, who it fails for: pronouns and quantifiers, not "the" of
# a count ("getting 500 for every request", "for me"; "500 for the first time" is no error).
[words before-code en]
me
us
you
them
him
her
it
a
an
the
this
that
error
errors
code
codes

[words failure-near en]
crashed
crash
crashes
failed
failure
fail
timeout
timed
unavailable
broken
down
error
errors
refused
denied

[words after-status en]
on
now
when
with
in
at
again
all
every
whenever
trying
rn
lol
today
since
after
while
constantly

[words fails-for en]
me
us
everyone
everybody
anyone
anybody
all
every
each
any
some
most
many
them
him
her
you
my
our
people
users

# An outage said as never had ("hasn't had a single outage", "never had any major outages"):
# had-denial holds the words that deny a "had" right after them; an outage noun at most two
# words after such a "had" in its clause is no report (`never_had`), unless a word of compared
# follows it right after, which makes it a complaint ("never had an outage *like this*").
[words had-denial en]
hasn't
hasnt
haven't
havent
hadn't
hadnt
never
not

[words compared en]
like this
like that
this bad
this long
this big
until

# A post that opens by calling a service ("SLAAACK!!! messages not going through", "twitter
# pls. timeline just spinning", `after_address`): a word of stating among the call's words
# makes it say something of the service, no call ("dropbox *is* great."); a word of own-subject
# opening the next sentence gives that sentence a subject of its own ("twitch noooo. *it's*
# frozen again").
[words stating en]
is
are
was
were
has
have
be

[words own-subject en]
it
it's
its
this
that
i
i'm
my
mine

# Words of saying before an outage phrase, at most four words back in its clause, that make it
# hearsay ("someone *said* gmail was down"; `said_before`). Not "says": a service or its box says
# what it shows ("spotify says I'm offline").
[words said en]
said
saying
claims
claiming
claimed
heard
tweeted

# Words that make the writer (or the writer's party) a sentence's subject: between a service's
# name and a far outage word they give the word another subject ("spent my paycheck on amazon,
# now *i'm* broke"; "watched netflix till 3am, *i'm* dead"; `writer_as_subject`).
[words writer-subject en]
i
i'm
im
i've
ive
i'd
we
we're
me

# Verbs with which a service shows its own words: a quotation right after one, with the service
# named just before it, is the service's error page ("reddit really *said* \"you broke
# reddit\""), not a mention (`quoted_with_name`).
[words saying en]
said
says
say
saying
shows
showing
showed

# Words of a screen showing a message, right after the message quoted: with the service named
# before the quotation, it is the service's error screen ("steam \"could not connect to steam\"
# *pops up*"; `shown_on_screen`); the Korean ones are in ko.lex.
[words screen-shows en]
pops up
popped up
popping up
keeps popping
on screen
on the screen
shows up
comes up

# Prepositions after which a service hosts the writer's own thing: an outage of "my side project
# *on* heroku" is the writer's, not Heroku's (`writers_own_thing`).
[words hosted-on en]
on
with
using
via

# Words that start a clause of their own inside a sentence: the words before them say nothing of
# the subject after them ("twitter shares down *and* the site is down"; `other_subject`).
[words conjunction en]
and
but
because
cause
while
now
so
then

# The prepositions after which an English `^` predicate finds its service, named last: "can't
# post *on* instagram", "can't clone *from* github", "can't log *into* steam".
[words preposition en]
on
from
into
in
to
with
via
through
onto
using

# What a `^` outage entry says vanished at once (`^is just gone`, `^are just gone`): said only of
# infrastructure ([words infra], a region's code) or the service itself, not of a feature ("the
# dislike button is just gone"; `gone_of_no_infra`). Read within the entry's pattern.
[words just-gone en]
just gone

# The senses of a price: shares, indices and coins, tickers, trading sessions (told by a
# session's name, or by the opening bell). A post with a cue of one ("Uber *down* 6% at the
# open") reads its later `~` and `^` outage words as the same talk (`set_aside_after_price_talk`).
# Each is the name of a [sense NAME] section.
[words price-sense en]
market
ticker
session
opening

# Words that may stand between a service's name and a `~` entry without being the subject of that
# entry themselves: forms of "be" and "have", small adverbs and pronouns ("gmail *is totally*
# down", "netflix *for me* went down"). Any other word there is a subject of its own ("twitch *sub
# count* went down", "chatgpt *quality has* gone down"), unless an entry covers it ("gmail
# *servers* down"; `set_aside_other_subjects`). The Korean ones are in ko.lex.
[words link en]
is
are
was
were
be
been
being
has
have
had
it
it's
its
for
me
us
here
on
my
our
the
right
rn
way
all
both
too
literally
fully
officially
apparently
seems
seem
to
really
actually
definitely
kinda
pretty
much
finally
just
went
gone
go
goes
# What a service is made of, when no entry covers it: "icloud *mail* is down".
mail
email
site
website
page
feed
chat
voice
store
service
cell
itself
whole
entire
keeps
keep
kept
# The service addressed in the second person, asked why: "twitch *why r u* down".
why
you
ur
# A guess at it: "fastly *must be* down", "slack *might be* down".
must
might
may
probably

# Verbs that may stand between an ambiguous alias and the outage or recovery phrase it is the
# subject of, a space on each side ("teams *has been* down all morning"; `has_neighbour`). Not
# "is", "are" or "was": "the teams are down by two goals", "my brother said steam was down" read
# too much as names.
[words auxiliary en]
has been
had been
have been

# Words that never name a service typed wrong (`misspell.rs`): common words one slip from a
# Latin name that the spelling dictionary of common-words.txt lacks (inflections, clipped
# forms). A double moved from one letter to the next reads as the name once runs fold
# (whatsaap is a slip for whatsapp), and so do message and messages. Found by running the rule
# over every word of the labelled sets, the training posts and the bench corpora.
[words misspell-stop en]
message
messages
mobile
mobiles
mail
mails
email
emails
emailed
cloud
clouds
ncloud
switch
switches
black
installs
googl
goog
tell
edit
edits
interest
youtuber
youtubers
things
stacks
flick
later
water
credit
single
amazing
canvas
strip
stripes
tumbler
humble
horizon
podcast
podcasts
spotty
editor
disco
steamy
market
markets
marker
wave
waves
have

# Round twenty-seven (review 20). A postmortem or incident report tells of an outage done; an
# outage said beside it to go on now is a new report ("per the incident report slack is down
# for EU users, still ongoing", "the postmortem is out and github is down again right now"):
# a `live-now` word between the cue and the outage word, or after the word in its sentence,
# outruns a cue of a `live-sense` sense (`Matcher::live_now`). Not "still", which as often
# opens the next thought ("github was down for 40 minutes, still no word on why").
[words live-now en]
ongoing
right now
currently
at the moment
# A service's name with a plural's `s` glued is the service ("imessages keep failing"), save
# these English words of their own ("my slacks are ripped at the knee"; review 21).
[words plural-stop en]
slacks
telegrams

# Between an outage word and a `live-now` word after it, these tell of the past or deny it:
# "the outage was ongoing for six hours", "the outage is no longer ongoing" (review 21).
[words not-live en]
was
were
had been
no longer
not
never
isn't
wasn't
[words live-sense en]
over

# Round twenty-seven (the twenty-eighth dev half, the twenty-seventh test half): calls that drop
# or hang connecting, said of the service named before them ("FaceTime calls drop the second
# the other person answers", "facetime calls just say connecting forever and then drop"). With
# `^`: a phone plan's price of calls drops too, and a mother's calls drop off at night. The
# -ing form is written too, as "calls drop" would otherwise hide "dropping" in it; not "calls
# dropped", which as often tells of a count ("discord calls dropped from 4 hours to 1 hour";
# review 21).
[outage en]
^calls drop
^calls dropping
^calls just drop
^calls drop out
^calls drop after
^connecting forever
^stuck connecting

# Round twenty-seven (the twenty-eighth dev half): the line going out with a word of how between
# ("Bell Fibe internet just went out", "internet suddenly went out for the whole block"), as
# "internet went out" is; only the internet line, as that entry has it.
[outage en]
internet just went out
internet suddenly went out
internet randomly went out
internet completely went out
internet totally went out

# Round twenty-eight tried "as we speak" as a live-now word and `zero {service} signal` beside
# `no {service} signal`; review 22 took both out: "as we speak" revived the outage a postmortem
# is about ("… the postmortem for yesterday's outage as we speak"), and "zero verizon signal that
# prices will drop" read a figurative signal as a carrier's.

# Round twenty-nine (issue 14, lex30): a plea or a failure to play or connect said of a name
# typed wrong ("TWTICH PLSSS WORK", "spotfy won't play ANYTHING", "netlfix pls load", "gmial
# wont load"): the gate of `misspell.rs` holds the pleas and these verbs, as typed. Not a bare
# "won't": "i won't be on twtich tonight", "disocrd nitro won't be free anymore" hold no failure.
[words misspell-gate en]
pls
plz
please
n't play
not play
wont play
wont load
n't connect
wont connect

# Review 23: the idioms of those verbs are no failure ("spotfy won't play nice with my new
# headphones", "i can't connect with people on tiktk anymore").
[exclude en]
won't play nice
wont play nice
doesn't play nice
don't play nice
play nice with
connect with people
connect with friends
connect with anyone
connect with anybody
can't connect with people
can't connect with friends
can't connect with anyone
can't connect with anybody
cant connect with people
cant connect with friends
cant connect with anyone
cant connect with anybody
couldn't connect with people
couldn't connect with friends
couldn't connect with anyone
couldn't connect with anybody
won't connect with people
won't connect with friends
won't connect with anyone
won't connect with anybody
wont connect with people
wont connect with friends
wont connect with anyone
wont connect with anybody

# A home line that drops or goes out, as the internet does ("BT broadband dropped at 7pm").
# Review 23: `~`, so the market, rating and hypothetical senses read them ("if sky broadband
# dropped during the final"), and the forms a price, a stock, a ranking or a customer let go
# take after the verb are no outage ("dropped the price", "went out of stock", "dropped out of
# the top 5", "dropped me as a customer").
[outage en]
~broadband dropped
~broadband just dropped
~broadband has dropped
~broadband went out
~broadband just went out

[exclude en]
broadband dropped the price
broadband dropped its price
broadband dropped their price
broadband went out of stock
broadband dropped out of
broadband dropped me
broadband dropped us
dropped the price
dropped its price
dropped their price
dropped prices
went out of stock
dropped out of
dropped me
dropped us

# Tried and taken out after review 23: `is {service} out for anyone` (a provider asked about as
# out for others) also read a release or a sale ("is threads out for everyone in the EU yet?",
# "is steam out for anyone? the summer sale i mean").

# A signal of intent ("no signal that prices will drop", as "zero signal that" is) is no
# outage. Tried and dropped: "no signal from" (as often the line: "no signal from verizon since
# 8am") and the idiom "is out here" ("comcast is out here sending me flyers", but "xfinity is
# out here in philly since 5" is a report).
# Review 23 took out "no signal that" and "no signal of" as exclusions: as whole phrases they
# also hid the line's own ("verizon: no signal of any kind in downtown boston since noon").

# A state of working told as before a failure ("was fine an hour ago", "was fine until 6") is
# no counter: it dates the outage ("telus no signal in calgary, anyone else? was fine an hour
# ago"). Not "was fine {number}": as the longest entry at "was fine" it hides the counter
# even where no number follows ("… but it was fine for me").
[exclude en]
was fine until
was fine till
was fine an hour
was fine a minute
was fine a few
was fine earlier
was fine this morning
was fine last night
was fine yesterday
was fine before
were fine until

# A turn to now ends a past cue's reach: "in last night's storm *and now* comcast is out for the
# whole street" (a phrase of two words, read whole).
[words scope-end en]
and now

# A payment or a store's stock error message, quoted or not ("paypal checkout says \"Sorry, we
# couldn't process your request right now\"", "steam store shows \"An error occurred while
# processing your request\""): the service's words for its own failure.
[outage en]
couldn't process your request
could not process your request
can't process your request
cannot process your request
unable to process your request
unable to complete your request
couldn't complete your request
could not complete your request
error occurred while processing

# Requests that hang and then time out ("openai api requests hang for 60 seconds then time out",
# "github api calls just hang and then time out"): the base form after "then", and the plural
# subjects of an API; "time out for a sec" alone is no failure. Not "requests hang": "my zoom
# requests hang around in the waiting room".
# Review 23: only after "then" and with a service named before it (`^`); "requests time out"
# and "calls time out" also read a limit by design ("slack huddle calls time out after 1 hour
# on the free plan", "lambda requests time out after 15 minutes by design").
[outage en]
^then time out
^then times out

# Review 23: words that say a failure goes on, read after a post's last recovery phrase: a
# report told after a return announced ("said it was fixed, still down") stays a report, even
# where the vetter is sure of a recovery (`Matcher::vet`). Korean ones in ko.lex.
[words persists en]
still
again
yet

# Review 23: a present "is fine" after "was fine …" is the writer's counter again ("slack was
# fine yesterday and is fine here now"). Not "is fine today": "today" as a pattern word lets
# "nice weather today" through the prefilter under `--about`.
[counter en]
is fine here
is fine for me
