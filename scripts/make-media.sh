#!/usr/bin/env bash
# Generates the demo media (public/demo-media/) and the e2e media fixtures
# (e2e/fixtures/media/) plus their manifests. Needs only ffmpeg/ffprobe and
# standard tools (awk, sed). Idempotent: every run rewrites the same files.
#
#   bash scripts/make-media.sh        # run from the repository root
#
# The demo videos are drawn entirely with ffmpeg filters (drawbox/drawtext/
# overlay): a fake browser window in which an "agent" fills a checkout form or
# searches for and extracts a product. Times below are in centiseconds.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

for tool in ffmpeg ffprobe awk sed; do
  command -v "$tool" >/dev/null 2>&1 || { echo "make-media: '$tool' not found" >&2; exit 1; }
done

# ---------------------------------------------------------------- fonts
DEJAVU=/usr/share/fonts/truetype/dejavu
pick_font() { # preferred file, fc-list pattern
  if [[ -f "$DEJAVU/$1" ]]; then echo "$DEJAVU/$1"; return; fi
  local f=""
  if command -v fc-list >/dev/null 2>&1; then
    f="$(fc-list "$2" file 2>/dev/null | sed 's/: *$//' | grep -i '\.ttf$' | sort | head -n1 || true)"
    [[ -n "$f" ]] || f="$(fc-list : file 2>/dev/null | sed 's/: *$//' | grep -i '\.ttf$' | sort | head -n1 || true)"
  fi
  [[ -n "$f" ]] || { echo "make-media: no .ttf font found (install fonts-dejavu-core)" >&2; exit 1; }
  echo "$f"
}
FONT="$(pick_font DejaVuSans.ttf ':style=Book')"
FONT_BOLD="$(pick_font DejaVuSans-Bold.ttf ':style=Bold')"
FONT_MONO="$(pick_font DejaVuSansMono.ttf ':spacing=mono')"

WORK="$(mktemp -d)"
if [[ -n "${MAKE_MEDIA_KEEP_WORK:-}" ]]; then echo "make-media: work dir $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

# ---------------------------------------------------------------- helpers
# centiseconds -> seconds string
T() { printf '%d.%02d' $(($1 / 100)) $(($1 % 100)); }
# enable expression for [a, b) in centiseconds
W() { printf "enable='gte(t,%s)*lt(t,%s)'" "$(T "$1")" "$(T "$2")"; }
# escape text for drawtext inside '...' (option level: ':' and '\')
esc() { local s="${1//\\/\\\\}"; s="${s//:/\\:}"; printf '%s' "${s//\'/’}"; }

G="" # the main filter chain being built
add() { G+="${G:+,}$1"; }

# box X Y W H COLOR [ENABLE]
box() { add "drawbox=x=$1:y=$2:w=$3:h=$4:color=$5:t=fill${6:+:$6}"; }
# frame X Y W H COLOR THICKNESS [ENABLE]
frame() { add "drawbox=x=$1:y=$2:w=$3:h=$4:color=$5:t=$6${7:+:$7}"; }
# txt X Y SIZE COLOR FONT TEXT [ENABLE]   (X may be an expression using text_w)
txt() {
  add "drawtext=fontfile=$5:expansion=none:text='$(esc "$6")':x='$1':y=$2:fontsize=$3:fontcolor=$4${7:+:$7}"
}
# button X Y W H BG FG TEXT SIZE [ENABLE]: filled box with centred bold label
button() {
  box "$1" "$2" "$3" "$4" "$5" "${9:-}"
  txt "$1+($3-text_w)/2" "$(($2 + ($4 - $8) / 2 - 1))" "$8" "$6" "$FONT_BOLD" "$7" "${9:-}"
}
# typing X Y SIZE COLOR TEXT START CS_PER_CHAR END -> prints the time typing finished
# Shows growing prefixes with a caret, then the full text until END.
typing() {
  local x=$1 y=$2 size=$3 color=$4 text=$5 start=$6 step=$7 end=$8 i n=${#5} t
  for ((i = 0; i < n; i++)); do
    t=$((start + i * step))
    txt "$x" "$y" "$size" "$color" "$FONT" "${text:0:i+1}|" "$(W "$t" $((t + step)))"
  done
  t=$((start + n * step))
  txt "$x" "$y" "$size" "$color" "$FONT" "$text" "$(W "$t" "$end")"
  TYPED_AT=$t
}

# Cursor path: keyframes "CS X Y"; between consecutive keyframes the cursor
# eases (smoothstep). Built as a sum of clipped ramps (no deep nesting).
CUR_KEYS=()
key() { CUR_KEYS+=("$1 $2 $3"); }
cursor_expr() { # axis index 1 (x) or 2 (y)
  local axis=$1 prev="" expr="" k a b va vb ta tb d
  for k in "${CUR_KEYS[@]}"; do
    if [[ -z "$prev" ]]; then
      expr="$(echo "$k" | awk -v a="$axis" '{print $(a+1)}')"
    else
      ta=$(echo "$prev" | awk '{print $1}'); tb=$(echo "$k" | awk '{print $1}')
      va=$(echo "$prev" | awk -v a="$axis" '{print $(a+1)}'); vb=$(echo "$k" | awk -v a="$axis" '{print $(a+1)}')
      d=$((vb - va))
      if ((d != 0)); then
        if ((tb > ta)); then
          local p="clip((t-$(T "$ta"))/$(T $((tb - ta))),0,1)"
          expr+="+($d)*$p*$p*(3-2*$p)"
        else
          expr+="+($d)*gte(t,$(T "$tb"))"
        fi
      fi
    fi
    prev="$k"
  done
  printf '%s' "$expr"
}
# click ripple at X Y starting at CS
CLICKS=()
click() { CLICKS+=("$1 $2 $3"); }
# top-of-page loading bar starting at CS (0.6 s)
LOADS=()
loading() { LOADS+=("$1"); }

# ---------------------------------------------------------------- browser chrome
# chrome URL TITLE FAVICON_COLOR START END
chrome_page() {
  local url=$1 title=$2 fav=$3 en
  en="$(W "$4" "$5")"
  ((${#title} <= 30)) || title="${title:0:29}…"
  txt 160 52 16 '#202124' "$FONT" "$url" "$en"
  box 94 14 16 16 "$fav" "$en"
  txt 118 15 13 '#3c4043' "$FONT" "$title" "$en"
}
chrome_static() {
  box 0 0 1280 38 '#dee1e6'
  txt 12 12 15 '#ff5f57' "$FONT" '●'
  txt 32 12 15 '#febc2e' "$FONT" '●'
  txt 52 12 15 '#28c840' "$FONT" '●'
  box 80 6 290 32 '#f1f3f4'               # active tab
  txt 348 13 14 '#5f6368' "$FONT" '×'
  txt 384 9 20 '#5f6368' "$FONT" '+'
  box 0 38 1280 47 '#f1f3f4'              # toolbar
  txt 16 47 22 '#5f6368' "$FONT" '←'
  txt 48 47 22 '#9aa0a6' "$FONT" '→'
  txt 82 47 22 '#5f6368' "$FONT" '↻'
  box 118 44 1060 34 '#ffffff'            # omnibox
  frame 118 44 1060 34 '#dadce0' 1
  box 134 61 11 8 '#5f6368'                # padlock
  frame 136 54 7 9 '#5f6368' 2
  txt 1150 50 18 '#5f6368' "$FONT" '☆'
  txt 1204 48 20 '#8ab4f8' "$FONT" '●'
  txt 1248 50 18 '#5f6368' "$FONT_BOLD" '⋮'
  box 0 84 1280 1 '#dadce0'
}
site_header() { # START END
  local en; en="$(W "$1" "$2")"
  box 0 85 1280 58 '#111827' "$en"
  txt 40 101 24 '#ffffff' "$FONT_BOLD" 'ShopExample' "$en"
  txt 900 106 16 '#d1d5db' "$FONT" 'Deals' "$en"
  txt 975 106 16 '#d1d5db' "$FONT" 'Audio' "$en"
  txt 1050 106 16 '#d1d5db' "$FONT" 'Account' "$en"
  txt 1140 106 16 '#ffffff' "$FONT" 'Cart (1)' "$en"
}
# form field: LABEL X Y W START END  (label at Y, input box below)
field() {
  local en; en="$(W "$5" "$6")"
  txt "$2" "$3" 15 '#374151' "$FONT" "$1" "$en"
  box "$2" $(($3 + 22)) "$4" 44 '#ffffff' "$en"
  frame "$2" $(($3 + 22)) "$4" 44 '#d1d5db' 1 "$en"
}
focus() { # X Y(label) W FROM TO
  frame "$1" $(($2 + 22)) "$3" 44 '#2563eb' 2 "$(W "$4" "$5")"
}

# ---------------------------------------------------------------- render
# render NAME DURATION_CS OUTFILE: builds the graph from G, CUR_KEYS, CLICKS, LOADS
render() {
  local name=$1 dur=$2 out=$3 secs graph c i=0 cx cy ct
  secs="$(T "$dur")"
  graph="color=c=white:s=1280x720:r=25:d=$secs,format=yuv420p,$G[page];"
  # cursor sprite: arrow mask -> black arrow with white outline
  local inside="gte(X,1)*gte(Y-1,X-1)*lte(Y,17-5*(X-1)/12)+between(Y,11,20)*between(X-0.45*Y,-0.5,2.6)*gte(X,3)"
  graph+="color=c=black:s=20x26:r=25:d=$secs,format=gray,geq=lum='255*gt($inside,0)',split[mi][mo0];"
  graph+="[mo0]dilation[mo];"
  graph+="color=c=black:s=20x26:r=25:d=$secs,format=rgba[cb];[cb][mi]alphamerge[ci];"
  graph+="color=c=white:s=20x26:r=25:d=$secs,format=rgba[cw];[cw][mo]alphamerge[co];"
  graph+="[co][ci]overlay=0:0:format=rgb[cur];"
  local last="page"
  for c in "${LOADS[@]}"; do
    graph+="color=c=0x2563eb:s=1280x3:r=25:d=$secs[lb$i];"
    graph+="[$last][lb$i]overlay=x='-1280+1280*clip((t-$(T "$c"))/0.6,0,1)':y=85:eval=frame:$(W "$c" $((c + 70)))[ld$i];"
    last="ld$i"; i=$((i + 1))
  done
  local ripples=""
  for c in "${CLICKS[@]}"; do
    read -r ct cx cy <<<"$c"
    ripples+=",drawtext=fontfile=$FONT:expansion=none:text='●':fontsize=46:fontcolor=0x2563eb@0.3:x=$((cx - 19)):y=$((cy - 25)):$(W "$ct" $((ct + 30)))"
  done
  graph+="[$last]null$ripples[pre];"
  graph+="[pre][cur]overlay=x='$(cursor_expr 1)':y='$(cursor_expr 2)':eval=frame:format=yuv420,"
  graph+="drawbox=x=1130:y=686:w=140:h=26:color=black@0.55:t=fill,"
  graph+="drawtext=fontfile=$FONT_MONO:text='%{pts\\:hms}':x=1130+(140-text_w)/2:y=691:fontsize=16:fontcolor=white[out]"
  printf '%s\n' "$graph" >"$WORK/$name.graph"
  ffmpeg -nostdin -hide_banner -loglevel error -y \
    -filter_complex_script "$WORK/$name.graph" -map '[out]' -t "$secs" \
    -c:v libx264 -preset medium -tune stillimage -profile:v main -pix_fmt yuv420p \
    -crf 30 -x264-params mbtree=0 -g 50 -keyint_min 50 -sc_threshold 0 -r 25 -threads 4 -an \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact \
    -movflags +faststart "$out"
}

# hls DIR INPUT: 2 s MPEG-TS segments with relative URIs (stream copy)
hls() {
  rm -f "$1"/seg_*.ts "$1/index.m3u8"
  ffmpeg -nostdin -hide_banner -loglevel error -y -i "$2" -c copy -an \
    -map_metadata -1 -fflags +bitexact \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_flags independent_segments \
    -hls_segment_type mpegts -hls_segment_filename "$1/seg_%03d.ts" "$1/index.m3u8"
}

# manifest_entry ID DIR MP4 [INDENT] -> JSON object on stdout (no trailing newline)
manifest_entry() {
  local id=$1 dir=$2 mp4=$3 ind=${4:-} dur
  dur="$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$mp4")"
  awk -v id="$id" -v dur="$dur" -v ind="$ind" '
    BEGIN { n = 0 }
    /^#EXTINF:/ { sub(/^#EXTINF:/, ""); sub(/,.*/, ""); d[n] = $0 + 0 }
    /^seg_[0-9]+\.ts$/ { s[n++] = $0 }
    END {
      printf "{\n%s  \"id\": \"%s\",\n%s  \"durationMs\": %d,\n%s  \"segments\": [", ind, id, ind, int(dur * 1000 + 0.5), ind
      for (i = 0; i < n; i++) printf "%s\"%s\"", (i ? ", " : ""), s[i]
      printf "],\n%s  \"segmentDurationsSec\": [", ind
      for (i = 0; i < n; i++) printf "%s%s", (i ? ", " : ""), d[i]
      printf "]\n%s}", ind
    }' "$dir/index.m3u8"
}

reset_scene() { G=""; CUR_KEYS=(); CLICKS=(); LOADS=(); }

# ================================================================ checkout-flow
scene_checkout() {
  reset_scene
  local END=3000 P1=0 P2=320 P3=2060
  chrome_static
  chrome_page 'https://shop.example.com/cart' 'Your cart – ShopExample' '#111827' $P1 $P2
  chrome_page 'https://shop.example.com/checkout' 'Checkout – ShopExample' '#111827' $P2 $P3
  chrome_page 'https://shop.example.com/order/confirmation?order=SE-48213' 'Order confirmed – ShopExample' '#16a34a' $P3 $END
  site_header 0 $END

  # ---- page 1: cart
  local en; en="$(W $P1 $P2)"
  txt 80 172 34 '#111827' "$FONT_BOLD" 'Your cart' "$en"
  frame 80 250 620 110 '#e5e7eb' 1 "$en"
  box 100 270 70 70 '#c7d2fe' "$en"
  txt 122 284 36 '#4f46e5' "$FONT" '∩' "$en"
  txt 190 276 20 '#111827' "$FONT_BOLD" 'Aurora ANC Wireless Headphones' "$en"
  txt 190 308 15 '#6b7280' "$FONT" 'Colour: Midnight   ·   Qty 1' "$en"
  txt 600 278 20 '#111827' "$FONT_BOLD" '$129.00' "$en"
  box 760 250 440 230 '#f9fafb' "$en"
  frame 760 250 440 230 '#e5e7eb' 1 "$en"
  txt 780 268 20 '#111827' "$FONT_BOLD" 'Order summary' "$en"
  txt 780 310 16 '#374151' "$FONT" 'Subtotal' "$en"
  txt '1180-text_w' 310 16 '#374151' "$FONT" '$129.00' "$en"
  txt 780 338 16 '#374151' "$FONT" 'Shipping' "$en"
  txt '1180-text_w' 338 16 '#16a34a' "$FONT" 'Free' "$en"
  txt 780 370 18 '#111827' "$FONT_BOLD" 'Total' "$en"
  txt '1180-text_w' 370 18 '#111827' "$FONT_BOLD" '$129.00' "$en"
  button 780 410 400 50 '#2563eb' white 'Proceed to checkout' 18 "$(W $P1 230)"
  button 780 410 400 50 '#1e3a8a' white 'Proceed to checkout' 18 "$(W 230 $P2)"
  key 0 640 560; key 60 640 560; key 200 985 440; click 230 985 440; loading 250

  # ---- page 2: checkout form
  en="$(W $P2 $P3)"
  txt 80 160 34 '#111827' "$FONT_BOLD" 'Checkout' "$en"
  txt 80 206 16 '#6b7280' "$FONT" 'Step 2 of 3  ·  Shipping and payment' "$en"
  field 'Full name' 80 250 620 $P2 $P3
  field 'Email' 80 330 620 $P2 $P3
  field 'Street address' 80 410 620 $P2 $P3
  field 'City' 80 490 300 $P2 $P3
  field 'Postcode' 400 490 300 $P2 $P3
  field 'Card number' 80 570 620 $P2 $P3
  box 760 250 440 290 '#f9fafb' "$en"
  frame 760 250 440 290 '#e5e7eb' 1 "$en"
  txt 780 268 20 '#111827' "$FONT_BOLD" 'Order summary' "$en"
  txt 780 308 15 '#374151' "$FONT" 'Aurora ANC Wireless Headphones' "$en"
  txt '1180-text_w' 308 15 '#374151' "$FONT" '$129.00' "$en"
  txt 780 334 15 '#6b7280' "$FONT" 'Shipping' "$en"
  txt '1180-text_w' 334 15 '#16a34a' "$FONT" 'Free' "$en"
  box 780 366 400 1 '#e5e7eb' "$en"
  txt 780 384 18 '#111827' "$FONT_BOLD" 'Total' "$en"
  txt '1180-text_w' 384 18 '#111827' "$FONT_BOLD" '$129.00' "$en"
  txt 780 420 13 '#6b7280' "$FONT" 'Payments are encrypted and processed securely.' "$en"

  # agent reads the page, then fills the fields: move (60 cs), click, pause, type 8 cs/char
  local t=$((P2 + 100)) fx fy fw value prev_focus_start=-1 prev_fx prev_fy prev_fw
  key $P2 985 440 # cursor stays where it clicked until the page has loaded
  local -a FIELDS=(
    "80 250 620 Jane Doe"
    "80 330 620 jane.doe@example.com"
    "80 410 620 221B Baker Street"
    "80 490 300 London"
    "400 490 300 NW1 6XE"
    "80 570 620 4242 4242 4242 4242"
  )
  local f
  for f in "${FIELDS[@]}"; do
    read -r fx fy fw value <<<"$f"
    key $t $((fx + 40 + (fw > 300 ? 120 : 60))) $((fy + 46))
    t=$((t + 60))
    key $t $((fx + 40 + (fw > 300 ? 120 : 60))) $((fy + 46))
    click $((t + 10)) $((fx + 40 + (fw > 300 ? 120 : 60))) $((fy + 46))
    if ((prev_focus_start >= 0)); then focus "$prev_fx" "$prev_fy" "$prev_fw" "$prev_focus_start" $((t + 10)); fi
    prev_focus_start=$((t + 10)); prev_fx=$fx; prev_fy=$fy; prev_fw=$fw
    txt $((fx + 14)) $((fy + 33)) 18 '#111827' "$FONT" '|' "$(W $((t + 10)) $((t + 35)))"
    typing $((fx + 14)) $((fy + 33)) 18 '#111827' "$value" $((t + 35)) 8 $P3
    t=$((TYPED_AT + 25))
  done
  # move to "Place order" and click it
  key $t 980 475
  t=$((t + 70)); key $t 980 475
  local press=$((t + 15))
  focus "$prev_fx" "$prev_fy" "$prev_fw" "$prev_focus_start" "$press"
  click $press 980 475
  button 780 450 400 50 '#16a34a' white 'Place order' 18 "$(W $P2 $press)"
  button 780 450 400 50 '#166534' white 'Processing…' 18 "$(W $press $P3)"
  loading $((P3 - 20))
  key $P3 980 475

  # ---- page 3: confirmation
  en="$(W $P3 $END)"
  txt 72 160 86 '#16a34a' "$FONT" '●' "$en"
  txt 95 187 40 '#ffffff' "$FONT_BOLD" '✓' "$en"
  txt 180 176 36 '#111827' "$FONT_BOLD" 'Order confirmed' "$en"
  txt 180 224 17 '#374151' "$FONT" 'Thank you, Jane! A confirmation email is on its way to jane.doe@example.com.' "$en"
  box 80 270 620 250 '#f9fafb' "$en"
  frame 80 270 620 250 '#e5e7eb' 1 "$en"
  txt 100 290 15 '#6b7280' "$FONT" 'Order number' "$en"
  txt 300 290 15 '#111827' "$FONT_BOLD" 'SE-48213' "$en"
  txt 100 322 15 '#6b7280' "$FONT" 'Estimated delivery' "$en"
  txt 300 322 15 '#111827' "$FONT" 'Tue 14 Oct – Thu 16 Oct' "$en"
  txt 100 354 15 '#6b7280' "$FONT" 'Ship to' "$en"
  txt 300 354 15 '#111827' "$FONT" 'Jane Doe, 221B Baker Street, London NW1 6XE' "$en"
  txt 100 386 15 '#6b7280' "$FONT" 'Payment' "$en"
  txt 300 386 15 '#111827' "$FONT" 'Visa ending in 4242' "$en"
  box 100 420 580 1 '#e5e7eb' "$en"
  txt 100 440 16 '#111827' "$FONT" 'Aurora ANC Wireless Headphones  ×1' "$en"
  txt '680-text_w' 440 16 '#111827' "$FONT" '$129.00' "$en"
  txt 100 476 18 '#111827' "$FONT_BOLD" 'Total paid' "$en"
  txt '680-text_w' 476 18 '#111827' "$FONT_BOLD" '$129.00' "$en"
  frame 80 550 220 46 '#2563eb' 2 "$en"
  txt '80+(220-text_w)/2' 563 16 '#2563eb' "$FONT_BOLD" 'Continue shopping' "$en"
  txt 320 563 16 '#2563eb' "$FONT" 'View order details' "$en"
  box 320 583 146 1 '#2563eb' "$(W 2560 2720)"
  box 760 270 440 130 '#eff6ff' "$en"
  txt 780 290 18 '#1e3a8a' "$FONT_BOLD" 'What happens next?' "$en"
  txt 780 326 15 '#1e3a8a' "$FONT" 'We will email you when your order ships.' "$en"
  txt 780 352 15 '#1e3a8a' "$FONT" 'Track it any time from your account.' "$en"
  key $((P3 + 80)) 980 475; key $((P3 + 180)) 600 300; key 2400 600 300
  key 2520 390 576; key 2800 390 576; key 2900 700 640
  key $END 700 640
}

# ================================================================ search-and-extract
scene_search() {
  reset_scene
  local END=2000 P1=0 P2=530 P3=940 en
  local Q='noise cancelling headphones'
  chrome_static
  chrome_page 'https://search.example.com/' 'Searchly' '#1a73e8' $P1 $P2
  chrome_page 'https://search.example.com/search?q=noise+cancelling+headphones' 'noise cancelling headphones – Searchly' '#1a73e8' $P2 $P3
  chrome_page 'https://shop.example.com/p/aurora-anc-headphones' 'Aurora ANC Wireless Headphones – ShopExample' '#111827' $P3 $END

  # ---- page 1: search home
  en="$(W $P1 $P2)"
  txt 1000 106 15 '#3c4043' "$FONT" 'Images' "$en"
  txt 1076 106 15 '#3c4043' "$FONT" 'Shopping' "$en"
  button 1180 98 80 34 '#1a73e8' white 'Sign in' 15 "$en"
  txt '(w-text_w)/2' 225 64 '#1a73e8' "$FONT_BOLD" 'Searchly' "$en"
  box 340 330 600 52 white "$en"
  frame 340 330 600 52 '#dfe1e5' 1 "$(W $P1 120)"
  frame 340 330 600 52 '#1a73e8' 2 "$(W 120 $P2)"
  txt 362 344 20 '#9aa0a6' "$FONT" 'Search the web' "$(W $P1 120)"
  txt 362 344 20 '#202124' "$FONT" '|' "$(W 120 150)"
  typing 362 344 20 '#202124' "$Q" 150 8 $P2
  button 480 412 150 42 '#f1f3f4' '#3c4043' 'Search' 16 "$(W $P1 470)"
  button 480 412 150 42 '#d2d6db' '#202124' 'Search' 16 "$(W 470 $P2)"
  button 650 412 150 42 '#f1f3f4' '#3c4043' 'Feeling lucky' 16 "$en"
  txt '(w-text_w)/2' 500 14 '#70757a' "$FONT" 'Searchly is a demo search engine for replay fixtures.' "$en"
  key 0 900 620; key 30 900 620; key 110 700 356; click 120 700 356
  key 400 700 356; key 460 555 433; click 470 555 433; loading 490

  # ---- page 2: results
  en="$(W $P2 $P3)"
  txt 40 104 28 '#1a73e8' "$FONT_BOLD" 'Searchly' "$en"
  box 200 98 620 42 white "$en"
  frame 200 98 620 42 '#dfe1e5' 1 "$en"
  txt 218 108 18 '#202124' "$FONT" "$Q" "$en"
  txt 200 150 14 '#1a73e8' "$FONT_BOLD" 'All' "$en"
  box 196 170 30 3 '#1a73e8' "$en"
  txt 250 150 14 '#5f6368' "$FONT" 'Shopping      Images      News      Videos' "$en"
  box 0 176 1280 1 '#ebebeb' "$en"
  txt 200 192 14 '#70757a' "$FONT" 'About 1,240,000 results (0.31 seconds)' "$(W 560 $P3)"
  local -a RES=(
    "shop.example.com › p › aurora-anc-headphones|Aurora ANC Wireless Headphones – ShopExample|Adaptive noise cancelling, 38 h battery and multipoint Bluetooth 5.3. Free delivery. 4.4★ (1,283)"
    "reviews.example.org › best-noise-cancelling-2025|The best noise cancelling headphones we tested this year|We compared 24 models in the lab and on the commute. Our top pick blocks low rumble best."
    "audio.example.net › guides › anc-explained|How does active noise cancelling work? A plain guide|Microphones listen to the room and the drivers play the opposite wave, so steady noise fades."
    "market.example.com › headphones › over-ear|Over-ear headphones – compare prices from 40 shops|Sort by price, rating or battery life. Prices updated hourly from trusted retailers."
  )
  local i y r url title snip
  for i in 0 1 2 3; do
    IFS='|' read -r url title snip <<<"${RES[$i]}"
    y=$((228 + i * 104))
    en="$(W $((560 + i * 18)) $P3)"
    txt 200 "$y" 14 '#4d5156' "$FONT" "$url" "$en"
    txt 200 $((y + 22)) 21 '#1a0dab' "$FONT" "$title" "$en"
    txt 200 $((y + 54)) 15 '#4d5156' "$FONT" "$snip" "$en"
  done
  box 200 274 448 2 '#1a0dab' "$(W 760 880)" # hover underline on result 1
  key $P2 555 433; key 620 555 433; key 750 420 262; click 880 420 262; loading 900
  box 200 248 560 26 white "$(W 880 $P3)" # visited link colour after the click
  txt 200 250 21 '#681da8' "$FONT" 'Aurora ANC Wireless Headphones – ShopExample' "$(W 880 $P3)"
  box 200 274 448 2 '#681da8' "$(W 880 $P3)"

  # ---- page 3: product page + extraction
  site_header $P3 $END
  en="$(W $P3 $END)"
  txt 80 158 14 '#6b7280' "$FONT" 'Home  ›  Audio  ›  Headphones  ›  Aurora ANC' "$en"
  box 80 190 480 440 '#eef2ff' "$en"
  txt '80+(480-text_w)/2' 270 260 '#312e81' "$FONT" '∩' "$en"
  box 226 392 74 120 '#312e81' "$en"
  box 340 392 74 120 '#312e81' "$en"
  box 238 404 50 96 '#4f46e5' "$en"
  box 352 404 50 96 '#4f46e5' "$en"
  txt '80+(480-text_w)/2' 590 14 '#6366f1' "$FONT" 'Midnight  ·  1 of 6' "$en"
  txt 620 192 26 '#111827' "$FONT_BOLD" 'Aurora ANC Wireless Headphones' "$en"
  txt 620 240 20 '#f59e0b' "$FONT" '★★★★☆' "$en"
  txt 736 242 16 '#374151' "$FONT" '4.4  (1,283 reviews)' "$en"
  txt 620 286 34 '#111827' "$FONT_BOLD" '$129.00' "$en"
  txt 792 300 16 '#9ca3af' "$FONT" 'was $179.00' "$en"
  box 792 310 95 1 '#9ca3af' "$en"
  txt 620 340 16 '#16a34a' "$FONT" 'In stock – ships in 1 day' "$en"
  txt 620 386 16 '#374151' "$FONT" '•  Active noise cancelling with 3 modes' "$en"
  txt 620 414 16 '#374151' "$FONT" '•  38 h battery, USB-C fast charge' "$en"
  txt 620 442 16 '#374151' "$FONT" '•  Bluetooth 5.3 with multipoint' "$en"
  txt 620 470 16 '#374151' "$FONT" '•  254 g, foldable, travel case included' "$en"
  button 620 516 260 50 '#2563eb' white 'Add to cart' 18 "$en"
  frame 900 516 180 50 '#d1d5db' 1 "$en"
  txt '900+(180-text_w)/2' 531 16 '#374151' "$FONT" '♡  Save' "$en"
  # extraction highlights (agent marks the elements it reads)
  local -a HL=(
    "1100 610 182 520 46 title"
    "1260 610 232 300 36 rating"
    "1420 610 280 176 48 price"
    "1580 612 378 460 116 features"
  )
  local h t0 hx hy hw hh lbl
  for h in "${HL[@]}"; do
    read -r t0 hx hy hw hh lbl <<<"$h"
    frame "$hx" "$hy" "$hw" "$hh" '#e11d48' 2 "$(W "$t0" $END)"
    box $((hx + hw - 70)) $((hy - 9)) 70 18 '#e11d48' "$(W "$t0" $END)"
    txt "$((hx + hw - 70))+(70-text_w)/2" $((hy - 8)) 12 white "$FONT_BOLD" "$lbl" "$(W "$t0" $END)"
  done
  box 80 646 560 36 '#111827' "$(W 1760 $END)"
  txt 94 655 15 white "$FONT" '✓  Extracted 4 fields: title, rating, price, features' "$(W 1760 $END)"
  key $P3 420 262; key 1000 420 262; key 1080 760 205; key 1180 760 205
  key 1240 760 250; key 1400 700 300; key 1560 760 420; key 1700 760 420
  key 1780 960 640; key $END 960 640
}

# ================================================================ demo samples
make_demo() { # NAME SCENE_FN
  local name=$1 dir="public/demo-media/$1"
  mkdir -p "$dir"
  "$2"
  local dur_cs
  case "$name" in checkout-flow) dur_cs=3000 ;; search-and-extract) dur_cs=2000 ;; esac
  echo "make-media: rendering $dir ..."
  render "$name" "$dur_cs" "$dir/replay.mp4"
  hls "$dir" "$dir/replay.mp4"
  ffmpeg -nostdin -hide_banner -loglevel error -y -ss 5 -i "$dir/replay.mp4" -frames:v 1 \
    -vf scale=320:-2:flags=lanczos -q:v 4 -map_metadata -1 -fflags +bitexact -flags:v +bitexact \
    -update 1 "$dir/thumb.jpg"
}

make_demo checkout-flow scene_checkout
make_demo search-and-extract scene_search

# The demo server reads durations from each index.m3u8; it needs no manifest of its own.

# ================================================================ e2e fixtures
E2E=e2e/fixtures/media
mkdir -p "$E2E/clip" "$E2E/long"
echo "make-media: rendering $E2E ..."
X264_SMALL=(-c:v libx264 -preset medium -profile:v baseline -pix_fmt yuv420p -g 50 -keyint_min 50
  -sc_threshold 0 -r 25 -threads 4 -an -map_metadata -1 -fflags +bitexact -flags:v +bitexact)

ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc=s=640x360:r=25:d=30" \
  -vf "drawbox=x=120:y=116:w=400:h=128:color=black@0.6:t=fill,drawtext=fontfile=$FONT_MONO:text='%{pts\\:hms}':x=(w-text_w)/2:y=(h-text_h)/2-14:fontsize=44:fontcolor=white,drawtext=fontfile=$FONT_MONO:text='frame %{n}':x=(w-text_w)/2:y=(h/2)+22:fontsize=22:fontcolor=yellow" \
  -t 30 "${X264_SMALL[@]}" -crf 34 -movflags +faststart "$E2E/clip/clip.mp4"
hls "$E2E/clip" "$E2E/clip/clip.mp4"
{ manifest_entry clip "$E2E/clip" "$E2E/clip/clip.mp4"; printf '\n'; } >"$E2E/clip/manifest.json"
# The same clip as fMP4 HLS: an init segment named by #EXT-X-MAP, then .m4s segments (the other
# segment format hls.js plays; the fake upstream's `hls-fmp4` scenario).
rm -f "$E2E"/clip/fmp4*
ffmpeg -nostdin -hide_banner -loglevel error -y -i "$E2E/clip/clip.mp4" -c copy -map_metadata -1 -fflags +bitexact \
  -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 -hls_fmp4_init_filename fmp4_init.mp4 \
  -hls_segment_filename "$E2E/clip/fmp4_%03d.m4s" "$E2E/clip/fmp4.m3u8"

rm -f "$E2E"/long/*.ts
ffmpeg -nostdin -hide_banner -loglevel error -y \
  -f lavfi -i "testsrc2=s=320x180:r=25:d=2" \
  -vf "drawbox=x=70:y=60:w=180:h=60:color=black@0.6:t=fill,drawtext=fontfile=$FONT_MONO:text='%{pts\\:hms}':x=(w-text_w)/2:y=(h-text_h)/2:fontsize=22:fontcolor=white" \
  -t 2 "${X264_SMALL[@]}" -crf 34 -f mpegts "$E2E/long/seg_000.ts"

echo "make-media: done"
