// Styles of the articles and forum views (their lazy chunks), adopted into the shadow root
// while the view shows (ui/sheet.tsx). Colours keep AA contrast on white and on --ze-soft.
export const contentCss = `
.muted,.meta{color:var(--ze-muted)}
.search input,.field input,.field textarea{width:100%;padding:8px 10px;border:1px solid var(--ze-border);border-radius:8px;background:#fff}
.search{margin-bottom:10px}
.search input:focus-visible,.field :focus-visible{outline-offset:0}
.chips{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 12px}
.chip{padding:4px 10px;border:1px solid var(--ze-border);border-radius:999px;background:#fff;font-size:13px}
.chip[aria-pressed=true]{background:var(--ze-brand);border-color:var(--ze-brand);color:var(--ze-brand-text)}
.chip small{font-size:12px}
.cat{display:flex;align-items:center;gap:8px;margin:0 0 12px;font-weight:600}
.cat select{flex:1;min-width:0;padding:6px 8px;border:1px solid var(--ze-border);border-radius:8px;background:#fff;font:inherit;font-weight:400;color:inherit}
.group{margin:0 0 14px}
.group h3,.sub{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.03em;color:var(--ze-muted)}
.rows{list-style:none;margin:0;padding:0;display:grid;gap:8px}
.row{display:block;width:100%;padding:10px 12px;border:1px solid var(--ze-border);border-radius:10px;background:#fff;text-align:left}
.row:hover{border-color:var(--ze-brand)}
.row b{display:block;font-size:14px;color:var(--ze-text)}
.row .ex{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;margin:2px 0 0;font-size:13px;color:var(--ze-muted)}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;margin:6px 0 0;font-size:12px}
.tag{display:inline-block;padding:1px 7px;border-radius:999px;font-size:11px;font-weight:700;line-height:18px;background:var(--ze-soft);color:var(--ze-text);border:1px solid var(--ze-border)}
.tag.exp{background:#fff;border-color:var(--ze-brand);color:var(--ze-brand)}
.tag.ok{background:#1c6b2f;border-color:#1c6b2f;color:#fff}
.top{display:flex;gap:8px;align-items:flex-start}
.top .search{flex:1}
.failed{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.failed p{margin:0}
.more{margin-top:10px;width:100%}
.page h3{margin:0;font-size:18px;line-height:1.3}
.prose{margin-top:12px;line-height:1.6;overflow-wrap:anywhere}
.prose h1,.prose h2,.prose h3,.prose h4{margin:18px 0 6px;line-height:1.3;color:var(--ze-text)}
.prose h1{font-size:18px}.prose h2{font-size:16px}.prose h3{font-size:15px}.prose h4{font-size:14px}
.prose p,.prose ul,.prose ol,.prose pre,.prose table,.prose blockquote{margin:0 0 10px}
.prose ul,.prose ol{padding-left:22px}
.prose li{margin:2px 0}
.prose code{padding:1px 4px;border-radius:4px;background:var(--ze-soft);font:12.5px/1.4 ui-monospace,Menlo,Consolas,monospace}
.prose pre{padding:10px;border-radius:8px;background:var(--ze-soft);overflow:auto}
.prose pre code{padding:0;background:none}
.prose table{display:block;overflow-x:auto;border-collapse:collapse;font-size:13px}
.prose th,.prose td{padding:5px 8px;border:1px solid var(--ze-border);text-align:left;vertical-align:top}
.prose th{background:var(--ze-soft)}
.prose blockquote{padding:6px 12px;border-left:4px solid var(--ze-brand);background:var(--ze-soft)}
.prose img{max-width:100%;height:auto}
.prose hr{border:0;border-top:1px solid var(--ze-border)}
.text{white-space:pre-wrap;overflow-wrap:anywhere;margin:8px 0 0}
.posts{list-style:none;margin:8px 0 14px;padding:0;display:grid;gap:10px}
.post{padding:10px 12px;border:1px solid var(--ze-border);border-radius:10px}
.post.acc{border:2px solid #1c6b2f;background:#f3faf5}
.post .text{margin-top:6px}
.author{display:inline-flex;align-items:center;gap:6px}
.who{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin:0;font-size:13px}
.who time{color:var(--ze-muted);font-size:12px}
.acc-label{margin:0 0 6px;font-size:12px;font-weight:700;color:#1c6b2f}
.post .btn{margin-top:8px;padding:4px 10px;font-size:13px}
.thread-q{padding-bottom:12px;border-bottom:1px solid var(--ze-border);margin-bottom:12px}
.form{display:grid;gap:8px}
.field{display:grid;gap:4px}
.field label{font-weight:600}
.field textarea{resize:vertical}
.field [aria-invalid=true]{border-color:var(--ze-danger);border-width:2px}
.form .err,.post .err{margin:0}
.actions{display:flex;gap:8px;flex-wrap:wrap}
.hint{color:var(--ze-muted);font-size:12px;margin:0}
.row .tag{float:right;margin-left:6px}
.page .next h3,.page .fb h3{margin:0;font-size:13px}
.next,.fb{margin-top:16px;padding-top:12px;border-top:1px solid var(--ze-border);display:grid;gap:8px}
.next.plain{margin:0;padding:0;border:0}
.plain h3{text-transform:none;letter-spacing:0;font-size:14px;color:var(--ze-text)}
.fb .chip{min-width:64px;padding:6px 14px}
.btn.sm{padding:4px 10px;font-size:13px}
.report{margin-top:6px;padding:2px 0;border:0;background:none;color:var(--ze-muted);font-size:12px;text-decoration:underline;cursor:pointer}
.report-form{margin-top:8px}
`
