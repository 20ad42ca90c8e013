# Where the bench's corpora lie, for bench/run.sh (which writes them) and bench/rows.sh (which
# reads them); sourced with the script's arguments:
#
#   . bench/corpora.sh "$@"    sets SIZE (the tweet archive and the WXR export, default 1G),
#                              TEXT_SIZE (each text-heavy corpus, default 300M) and DIR
#                              (BENCH_DIR, default target/bench), and defines corpus_path.
#
#   corpus_path NAME           the plain file of corpus NAME (tweets, wxr, forum, blog,
#                              trackback, chat); its .zst lies beside it.
#
#   phrases_207                writes $DIR/phrases-207.txt, the first 207 lines of
#                              $DIR/phrases.txt, and prints its path.
#
#   need_files TOOL FILE...    exits 2, naming TOOL and the first FILE missing or empty, when
#                              bench/run.sh has not written them at these sizes.
#
# Why 207: issue 15's figures were taken against `rg -c -i -F -f` with 207 outage phrases, the
# lexicon's list when the issue was filed. The list has grown since (1,269 phrases in the
# thirty-eighth pass), and rg's time grew with it: on the 300 MB trackback corpus 1.33 s with the
# whole list against 0.62 s with its first 207 (0.63 s with 207 drawn at random). So the bench
# times rg both ways: with the whole list, what outcry looks for, and with the count.
# shellcheck shell=bash
SIZE=${1:-1G}
TEXT_SIZE=${2:-300M}
DIR=${BENCH_DIR:-target/bench}

corpus_path() {
  case $1 in
    tweets) echo "$DIR/corpus-$SIZE.jsonl" ;;
    forum) echo "$DIR/forum-$TEXT_SIZE.csv" ;;
    wxr) echo "$DIR/corpus-$SIZE.wxr.xml" ;;
    *) echo "$DIR/$1-$TEXT_SIZE.jsonl" ;;
  esac
}

phrases_207() {
  head -n 207 "$DIR/phrases.txt" > "$DIR/phrases-207.txt"
  echo "$DIR/phrases-207.txt"
}

need_files() {
  local tool=$1 x
  shift
  for x in "$@"; do
    if [ ! -s "$x" ]; then
      echo "$tool: $x is missing: run bench/run.sh $SIZE $TEXT_SIZE first" >&2
      exit 2
    fi
  done
}
