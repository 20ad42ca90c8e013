# Where the bench's corpora lie, for bench/run.sh (which writes them) and bench/rows.sh (which
# reads them); sourced with the script's arguments:
#
#   . bench/corpora.sh "$@"    sets SIZE (the tweet archive and the WXR export, default 1G),
#                              TEXT_SIZE (each text-heavy corpus, default 300M) and DIR
#                              (BENCH_DIR, default target/bench), and defines corpus_path.
#
#   corpus_path NAME           the plain file of corpus NAME (tweets, wxr, forum, blog,
#                              trackback, chat); its .zst lies beside it.
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
