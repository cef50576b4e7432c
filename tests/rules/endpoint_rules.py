"""Source of the endpoint-extraction semgrep rules in ``rulesets/semgrep/endpoints/``.

The rule files are data and are committed; this module renders them from one copy of the
candidate shapes, so that every language extracts the same things. After editing it, run::

    .venv/bin/python -m tests.rules.endpoint_rules

and the tests check that the committed files equal :func:`render`.

Design (measured on semgrep 1.185, see the header comment of each rule file):

* In code, the candidate is found by a ``pattern-regex`` intersected with ``"$S"``: semgrep
  keeps the regex matches that lie inside a string literal, so a match is never in a comment
  and its byte range is the candidate text itself (no quotes). The regex is compiled once and
  is also semgrep's per-file prefilter. A ``metavariable-regex`` on ``$S`` would instead be
  evaluated as ``re.match(<regex source>, $S)`` and compiled again for every string literal:
  about 1 ms per literal for a regex of this size.
* ``.env`` and ``.properties`` files have no semgrep parser: ``languages: [generic]`` rules
  with a line-anchored regex, limited to their files by ``paths.include``.
"""

from __future__ import annotations

import sys
from pathlib import Path

RULES_DIR = Path(__file__).resolve().parents[2] / "rulesets" / "semgrep" / "endpoints"

TOKENS_BEGIN = "# >>> auditkit endpoint tokens"
TOKENS_END = "# <<< auditkit endpoint tokens"
SHAPES_BEGIN = "# >>> auditkit endpoint shapes"
SHAPES_END = "# <<< auditkit endpoint shapes"

# Candidates found anywhere inside a literal (PCRE2, extended mode, case-insensitive).
TOKENS = r"""# >>> auditkit endpoint tokens (identical in every endpoint-literal rule) >>>
  # URL of any scheme, anywhere in the literal: https://, s3://, jdbc:postgresql://,
  # mongodb+srv://; the match is the URL token itself (it stops at white space, quotes,
  # backslash, braces, `${`, `|`, `^`, `<`, `>`, `,`, and at a `;` that ends the token, starts
  # another URL or a key=value property: "wght@400;600" stays in; "a://x;b://y" splits; the
  # JDBC/ADO tail of "jdbc:sqlserver://h:1433;user=sa;password=..." is not part of the URL).
  (?<![\w+.\-])[a-z][\w+.\-]++(?::[a-z][\w+.\-]*+)*+://
  (?:[^\s"'`<>\\{}|^,;$]|\$(?!\{)|;(?=[\w%])(?![\w.\-]*+=)(?![a-z][\w+.\-]*+://))++
  # region field of an AWS ARN: arn:aws:sqs:us-east-1:123456789012:q matches us-east-1
| \barn:aws[\w\-]*+:[\w\-]++:\K[a-z]{2}(?:-[a-z]++)++-\d++(?=:)
  # host of an ADO.NET / libpq / ODBC connection string: Server=tcp:db.example.com,1433;...
| (?<![\w\-])(?:server|data\ source|host|hostaddr|hostname|address|addr|endpoint)[ \t]*+=[ \t]*+
  (?:tcp:)?\K(?=[\w\[])(?:[\w\-]++(?:\.[\w\-]++)*+|\[[0-9a-f:.]++\])(?::\d{1,5})?(?=[\s,;"'`]|$)
# <<< auditkit endpoint tokens <<<
"""

# Candidates that must be the whole literal (or one element of a "," / ";" list in it); each
# language wraps them in its own left and right boundaries.
SHAPES = r"""# >>> auditkit endpoint shapes (identical in every endpoint-literal rule) >>>
  # host name [:port] [/path], also *.example.com and .example.com; not a bare file name
  # (setup.py, README.md, main.tf, nor with a conventional middle part: sentry.conf.py,
  # jquery.min.js, index.d.ts, compose.override.yml) and not a Java/Android package
  # (com.example.app)
  (?![\w\-]++
     (?:\.(?:conf|config|settings|example|sample|min|local|dev|prod|test|spec|d|module|override))?
     \.(?:py[icdwx]?|ipynb|[cm]?js|jsx|tsx?|map|jsonl?|ya?ml|toml|ini|cfg|conf|txt|md|rst
     |adoc|html?|css|scss|sass|less|xml|xsd|xslt?|wsdl|csv|tsv|log|sh|bash|zsh|ps1|bat|cmd|go
     |mod|sum|java|class|jar|war|ear|kts?|gradle|scala|rb|php|pm|cc|cpp|cxx|hh|hpp|cs|rs|swift
     |mm?|mli?|sql|proto|png|jpe?g|gif|svg|ico|bmp|webp|pdf|docx?|xlsx?|pptx?|zip|t?gz|tar|bz2
     |xz|7z|rar|whl|egg|so|dylib|dll|exe|bin|dat|db|sqlite3?|lock|env|properties|tf|tfvars
     |tfstate|hcl|pem|crt|cer|der|key|p12|pfx|jks|j2|jinja2?|tmpl|tpl|mustache|hbs|ejs|bak|tmp
     |swp|orig|patch|diff|pkl|pickle|npy|npz|parquet|avro|mp[34]|mov|wav|ttf|woff2?|eot|otf
     |in|am|ac|mk|mo|po|pot|gd)(?![\w.:/\-]))
  (?!(?:com|org|java|javax|jakarta|android|androidx|kotlin|kotlinx)\.)
  (?:\*\.|\.)?[\w\-]++(?:\.[\w\-]++)*\.(?:[a-z]{2,63}|xn--[a-z0-9\-]++)\.?(?::\d{1,5})?
  (?:/[^\s"'`<>\\{}|^,;]*+)?
  # IPv4 [:port] [/prefix or path]
| (?:\d{1,3}\.){3}\d{1,3}(?::\d{1,5})?(?:/[^\s"'`<>\\{}|^,;]*+)?
  # IPv6: full, or ::-compressed (not "::" alone), optional [brackets]:port, %zone, /prefix
| \[?(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?:%[\w.]+)?\]?(?::\d{1,5})?(?:/\d{1,3})?
| (?!::(?!\w))\[?(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?
  ::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4}){0,6})?(?::\d{1,3}(?:\.\d{1,3}){3})?(?:%[\w.]+)?\]?(?::\d{1,5})?(?:/\d{1,3})?
  # provider region / zone codes, by the geographic prefixes providers use (AWS, Alibaba,
  # Huawei, OCI, Tencent, IBM, Scaleway, Linode, Exoscale, Hetzner network zones): us-east-1,
  # us-gov-west-1, eu-west-1a, us-east-1-bos-1a, eu-frankfurt-1, eu-west-101, de-fra-1; and
  # without digits only where a provider has such codes: cn-hangzhou, ap-guangzhou, fr-par,
  # na-siliconvalley, us-south, eu-de, jp-tok, in-maa. Not a locale such as de-DE or fr-FR.
| (?!(?!eu-)[a-z]{2}-[a-z]{2}(?![\w\-]))
  (?:(?:us|eu|ap|sa|na|ca|cn|jp|au|br|fr|nl|pl|it|se|in|id|es|gb)(?:-[a-z]++){1,3}
     (?:-\d{1,3}[a-z]?(?:-[a-z]{3}-\d[a-z])?)?
  |(?:me|af|il|mx|la|uk|kr|de|ch|at|bg|tr|ru|sg|hk|tw)(?:-[a-z]++){1,3}-\d{1,3}[a-z]?)
  # Alibaba OSS region ids, as its SDKs and endpoints spell them: oss-cn-hangzhou, oss-ap-south-1
| oss-[a-z]{2}(?:-[a-z]++){1,3}(?:-\d{1,3})?
  # GCP, Yandex, UpCloud: europe-west2, us-central1-a, ru-central1, de-fra1
| (?:us|europe|asia|australia|northamerica|southamerica|me|africa|ru|de|fi|nl|uk|sg|au|pl|es|se
    |dk|no|ch)-[a-z]++\d{1,2}(?:-[a-z])?
  # AWS availability-zone ids: use1-az1, usw2-lax1-az1
| [a-z]{2,5}\d{1,2}-(?:[a-z]{3}\d-)?az\d{1,2}
  # Hetzner, DigitalOcean, OVHcloud locations: fsn1, fsn1-dc14, ash, nyc3, fra1, gra11
| (?:(?:fsn|nbg|hel)1|ash|hil)(?:-dc\d{1,2})?
| (?:nyc|sfo|ams|sgp|lon|fra|tor|blr|syd|atl)\d
| (?:gra|sbg|rbx|bhs|waw|de|uk)\d{1,2}
  # Azure regions, programmatic (westeurope) or display name (West Europe); physical zones
  # (eastus2-az1)
| (?:(?:(?:north|south|west)\ ?)?central|east|west)\ ?us(?:\ ?[23])?(?:\ ?(?:euap|stg|stage))?
  (?:-az\d)?
| (?:north|west)\ ?europe
| uk\ ?(?:south|west)
| france\ ?(?:central|south)
| germany\ ?(?:west\ ?central|north(?:\ ?east)?|central)
| switzerland\ ?(?:north|west)
| norway\ ?(?:east|west)
| sweden\ ?(?:central|south)
| (?:poland|spain|belgium|finland|greece|mexico|chile|indonesia|qatar)\ ?central
| italy\ ?north
| austria\ ?east
| denmark\ ?east
| new\ ?zealand\ ?north
| canada\ ?(?:central|east)
| brazil\ ?(?:south(?:\ ?east)?|us)
| (?:south\ ?)?east\ ?asia
| japan\ ?(?:east|west)
| korea\ ?(?:central|south)
| (?:central|south|west)\ ?india
| jio\ ?india\ ?(?:west|central)
| australia\ ?(?:east|south\ ?east|central(?:\ ?2)?)
| malaysia\ ?(?:west|south)
| taiwan\ ?north(?:\ ?west)?
| china\ ?(?:east|north)(?:\ ?[23])?
| uae\ ?(?:north|central)
| israel\ ?(?:central|north\ ?west)
| saudi\ ?arabia\ ?(?:central|east)
| south\ ?africa\ ?(?:north|west)
| us\ ?gov\ ?(?:virginia|arizona|texas|iowa)
| us\ ?dod\ ?(?:central|east)
| us\ ?(?:sec|nat)\ ?(?:east|west)
# <<< auditkit endpoint shapes <<<
"""

# A candidate inside longer text: multi-line literals, text blocks, HTTP transcripts, SQL and
# shell commands built as strings. Not any word (prose names places and products): a shape at
# the start of a line, after a leading "key:" / "key=", after a command-line option
# ("--region us-west-2", "-h db.example.com") or after a command that takes a host ("curl",
# "ssh", nginx "server").
# A line starts after a newline or after an escaped "\n" ("Host: x\r\n" in one-line strings).
WORDS = r"""# >>> auditkit endpoint words in longer text >>>
  (?:
    # a line or a segment starts (newline, escaped \n, quote, separator), then
    # an optional list bullet and an optional key: "Host: x", "region=x", "- x"; a key in
    # the middle of a sentence ("... the allowed regions: us-east-1") is prose
    (?:(?<=\n)|(?<=\\n)|(?<=[,;&?"'`]))[ \t]*+(?:[\-*>][ \t]++)?
    (?:[a-z][\w\-]*+[ \t]*+[:=][ \t]*+)?
  | (?<![\w\-])--?[a-z][\w\-]*+(?:[ \t]++|=)
  | (?<![\w\-])(?:curl|wget|ping|ssh|scp|sftp|rsync|telnet|nc|ncat|dig|nslookup|traceroute|nmap
      |psql|mysql|mongosh?|redis-cli|server|upstream|proxy_pass|connect)
    (?:[ \t]++-{1,2}[a-z][\w\-]*+)*+[ \t]++
  )\K
  (?:
  SHAPES
  )
  # then white space, the end of the line or text, an escaped \n \r \t, a quote, a separator
  # or a closing bracket; a sentence's full stop may come first. Not a mapping key
  # ("sidecar.istio.io/inject: x", "\"key.example.com\": 1"), not a ${{ expression }}.
  (?<!:)(?=\.?(?:[ \t\r\n]|\z|\\[nrt])|["'`](?![ \t]*+:)|[,;)\]}])
# <<< auditkit endpoint words in longer text <<<
"""

# (guard after a URL token, left boundary, right boundary) of a whole-literal candidate.
# Code: a quote, or "}" that closes a ${...}/{...} placeholder, or a list separator; JSON and
# YAML also refuse mapping keys (a quoted key is followed by ":", a plain key by ": ").
# Code also ends a candidate before a placeholder, optionally after a "-" or ".": the constant
# head of f"oss-cn-beijing-{suffix}" or `${region}` templates.
_CODE = ("", r"""(?:["'`}]|[,;][ \t]*+)\K""", r"""(?=["'`,;]|[\-.]?\$?\{)""")
_JSON = (
    r"""(?!"[ \t\r\n]*+:)""",
    r"""(?:["}]|[,;][ \t]*+)\K""",
    r"""(?="(?![ \t\r\n]*+:)|[,;])""",
)
_YAML = (
    r"""(?!["'][ \t]*+:)""",
    r"""(?:["']|[\[{}][ \t]*+|,[ \t]*+|(?<=[:\-][ \t])[ \t]*+)\K""",
    r"""(?=[ \t]*+(?:\r?\n|\z|[,\]}])|[ \t]++\#|["'](?![ \t]*+:))""",
)

_DOTENV_KEY = r"""(?:
  # KEY=value or export KEY=value; '#' lines are comments and never match
  ^[ \t]*+(?:export[ \t]++)?[a-z_][\w.\-]*+[ \t]*+=
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token of the value, never into an inline " #" comment
(?:[^\n\#]|(?<![ \t])\#)*?
"""
_PROPERTIES_KEY = r"""(?:
  # key=value, key: value or key value; '#' and '!' lines are comments and never match
  ^[ \t]*+[\w.\-]++(?:[ \t]*+[=:]|[ \t])
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token of the value
[^\n]*?
"""

_DOCKERFILE_KEY = r"""(?:
  # any line but a "#" comment (or parser directive): instructions and their continuation lines
  ^[ \t]*+(?=[^\s\#])
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token (a "#" inside an instruction is part of it, not a comment)
[^\n]*?
"""

_SHELL_KEY = r"""(?:
  # any line but a "#" comment line
  ^[ \t]*+(?=[^\s\#])
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token, never into a " #" comment at the end of a command
(?:[^\n\#]|(?<![ \t])\#)*?
"""

_TOML_KEY = r"""(?:
  # key = value (bare, dotted or quoted key), or a line of an array continued from above;
  # "#" comment lines never match, nor [table] headers (a token needs a "=", quote or space
  # before it)
  ^[ \t]*+(?:[\w.\-]++|"[^"\n]*+"|'[^'\n]*+')[ \t]*+=
| ^[ \t]*+(?=["'\[{])
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token of the value, never into a " #" comment after it
(?:[^\n\#]|(?<![ \t])\#)*?
"""

_INI_KEY = r"""(?:
  # key = value, key: value, or an nginx / HAProxy "directive value ...;" line; "#" and ";"
  # comment lines never match
  ^[ \t]*+[\w.\-]++(?:[ \t]*+[=:]|[ \t])
  # or: continue on the same line right after the previous match
| (?!\A)\G
)
# skip lazily to the next token of the value, never into a " #" or " ;" comment after it
(?:[^\n\#;]|(?<![ \t])[\#;])*?
"""

# Markup and scripts without a semgrep parser: what is never a candidate is matched first and
# discarded with (*SKIP)(*FAIL) (PCRE2: the scan resumes after it), so comments are stepped over
# whole; then the candidates.
_HTML_SKIP = r"""# comments, template comments, <a> tags (links), <meta> tags,
# canonical / alternate links
(?s:<!--.*?-->)
| \{\#.*?\#\}
| @\*.*?\*@
| <%\#.*?%>
| \{\{--.*?--\}\}
| \{%-?[ \t]*+comment[ \t]*+-?%\}.*?\{%-?[ \t]*+endcomment[ \t]*+-?%\}
  # the <a ...> tag only: an image inside a link is loaded all the same
| <a\b[^>]*+>
  # vocabulary and namespace URIs (itemtype="http://schema.org/WebPage", <svg xmlns=...>):
  # names, never loaded
| (?<![\w\-])(?:xmlns(?::[\w.\-]++)?|itemtype|itemid|itemprop|vocab|typeof|profile)
  [ \t]*+=[ \t]*+(?:"[^"]*+"|'[^']*+')
| <meta\b[^>]*+>
| <link\b[^>]*?\brel[ \t]*+=[ \t]*+["']?(?:canonical|alternate)\b[^>]*+>
  # text between tags, outside <script> and <style>: prose
  # (a "{#", "{%", "{{--" or "@*" in it may start a template comment, skipped above)
| (?<=[>}])(?<!<script>)(?<!<style>)(?:[^<{@]|\{(?![\#%]|\{--)|@(?!\*))++
  (?=<(?!/(?:script|style)\b)|\{|@)
"""
_HTML_BODY = r"""  # the whole value of a loading attribute, or url(...): host, //host/path or IP
  (?<![\w\-])(?:src|href|srcset|action|data|poster|data-src|background)[ \t]*+=[ \t]*+["']?
  (?://)?\K
  (?:
  SHAPES
  )
  (?=["'\s>,])
  # a URL in url(...) ends at the ")" (a URL token would take it in)
| (?<![\w\-])url\([ \t]*+["']?\K[a-z][\w+.\-]*+://[^\s"'()<>\\{}|^,;]++
| (?<![\w\-])url\([ \t]*+["']?(?://)?\K
  (?:
  SHAPES
  )
  (?=["')])
"""

_XML_SKIP = r"""# comments, the declaration, DOCTYPE, namespace / schema URIs, POM project metadata
<!--.*?-->
| <\?.*?\?>
| <!DOCTYPE\b(?:[^>\[]|\[.*?\])*+>
| (?<![\w\-])(?:xmlns(?::[\w.\-]++)?|(?:xsi:)?(?:schemaLocation|noNamespaceSchemaLocation))
  [ \t]*+=[ \t]*+(?:"[^"]*+"|'[^']*+')
| <(licenses|scm|developers|contributors|organization|issueManagement|ciManagement
    |mailingLists|description)\b.*?</\1[ \t]*+>
"""
_XML_BODY = r"""  # the whole text of an element or value of an attribute, or one "," / ";" item
  (?:>[ \t\r\n]*+|=[ \t]*+["']|[,;][ \t]*+)\K
  # not a Java class name (class="net.logstash.logback.appender.LogstashAppender")
  (?!(?-i:[\w\-]+(?:\.[\w\-]+)*\.[A-Z]\w*)["'<])
  (?:
  SHAPES
  )
  (?=[ \t\r\n]*+<|["',;])
"""

_SQL_SKIP = r"""# "--" comments (not a "--" inside a word or URL) and /* */ comments
(?<![^\s(,;])--[^\n]*+
| /\*.*?\*/
"""
_SQL_BODY = r"""  # the whole of a '...' string literal
  '\K
  (?:
  SHAPES
  )
  (?=')
"""

_GRADLE_SKIP = r"""# "//" comments (not the "//" of a URL or of a string) and /* */ comments
(?<![:\w"'/$])//[^\n]*+
| /\*.*?\*/
"""
_GRADLE_BODY = r"""  # the whole of a '...' or "..." string
  ["']\K
  (?:
  SHAPES
  )
  (?=["'])
"""


def skipping_regex(skip: str, body: str) -> str:
    return (
        "(?six)\n(?:\n" + _indent(skip, 2) + ")(*SKIP)(*FAIL)\n"
        + "| # a URL token\n  (?:\n" + _indent(TOKENS, 2) + "  )\n"
        + "| " + body.lstrip().replace("  SHAPES\n", _indent(SHAPES, 2))
    )  # fmt: skip


_COMMON_NOTE = """\
# Contract (docs/ARCHITECTURE.md, "Semgrep rule metadata"): role endpoint-literal. Every match
# is ONE candidate endpoint inside ONE literal value and never in a comment; its byte offsets
# delimit the candidate text itself: a URL token (anywhere in the literal), or the whole literal
# / one element of a "," or ";" separated list in it when that is shaped like a host name
# [:port][/path], an IPv4/IPv6 address, a cloud region or zone code, or an Azure region name.
# Quotes are never inside the range. Classification (EU or not) happens later in Python.
# Cost: the pattern-regex is compiled once and also serves as semgrep's per-file prefilter;
# a metavariable-regex would be recompiled for every string literal (about 1 ms each for a
# regex this long), which is why the rules do not use one for this.
# Generated by tests/rules/endpoint_rules.py (run `python -m tests.rules.endpoint_rules`);
# the blocks between the ">>> auditkit endpoint" and "<<< auditkit endpoint" markers are the
# same in every endpoint-literal rule.
"""

_NOTES = {
    "python": """\
# Python: str, bytes, raw and triple-quoted literals, each part of an implicit concatenation,
# the constant parts of f-strings (f"https://{b}.example.com" yields ".example.com"), dict keys.
# Skipped: docstrings and other bare string statements (documentation, like comments).
# Not covered: names bound to constants (constant propagation is off on purpose, so that every
# match points at a literal); host/region shapes in multi-line literals (URL tokens only).
""",
    "go": """\
# Go: interpreted and raw string literals. Import paths are not matched (semgrep does not see
# them as string expressions). Multi-line raw strings: URL tokens only.
# region-identifier-go: aws-sdk-go v1 endpoints.<Xx>RegionID constants; the match is the
# constant name (UsEast1RegionID).
""",
    "java": """\
# Java: string literals and text blocks (text blocks: URL tokens only), annotation arguments.
# region-identifier-java: AWS SDK v1 Regions.<NAME> and v2 Region.<NAME>; the match is the
# constant name (US_EAST_1, GovCloud).
""",
    "kotlin": """\
# Kotlin (.kt, .kts): string literals, the constant parts of string templates
# ("https://${t}.example.com" yields ".example.com"), raw strings (URL tokens only).
# region-identifier-kotlin: as region-identifier-java (AWS SDK v1 Regions.<NAME>, v2 Region.<NAME>).
""",
    "javascript": """\
# JavaScript: '...', "..." and template literals; a template literal with ${...} is split
# by semgrep into its constant parts (`https://${t}.example.com` yields ".example.com").
# Not covered: ES import/export specifiers, JSX text children, object keys.
""",
    "typescript": """\
# TypeScript: as endpoint-literal-javascript (which leaves *.ts/*.tsx files to this rule).
# Not covered: ES import/export specifiers, JSX text children, object keys, literal types.
""",
    "terraform": """\
# Terraform / HCL (.tf, .tfvars, .hcl): strings, constant parts of "${...}" templates
# ("${var.b}.s3.eu-west-1.amazonaws.com" yields ".s3.eu-west-1.amazonaws.com"), heredocs
# (URL tokens only), object keys and block labels; and GCP multi-regions ("US", "EU", "EUR4")
# as the value of a location / region / default_location / config attribute.
""",
    "json": """\
# JSON: string values; object keys are not matched. (semgrep's JSON parser accepts // and
# /* */ comments, which the annotated test file uses.)
""",
    "yaml": """\
# YAML: plain, quoted and tagged (!Sub "...") scalar values, block and flow sequences and
# mappings; keys are not matched. Block scalars (| and >): URL tokens only.
# Not covered: anchored scalars (&name value: semgrep reports a wrong range for them, so they
# are dropped). A plain scalar that starts with a non-ASCII letter makes semgrep's YAML parser
# reject the whole file (a parse error in semgrep's output).
""",
    "dotenv": """\
# .env files (.env, .env.*, *.env): KEY=value and export KEY=value, quoted or not. The value
# is split into tokens at white space, ",", ";", so list elements and -Dkey=value operands are
# found; an inline " #" comment and "#" comment lines are never matched.
# Generic-mode rule: `paths.include` limits it to .env files (both CLIs honour it for
# explicitly named targets too).
""",
    "dockerfile": """\
# Dockerfiles (Dockerfile, Dockerfile.*, *.dockerfile, Containerfile): URL tokens anywhere in an
# instruction, and host, IP and region shaped tokens (FROM registry.example.com/image,
# ENV KEY=value, ARG, the words of RUN and CMD) on every line but "#" comment lines.
# Suppressions go on the line before: Docker reads a "#" after an instruction as part of it.
# Generic-mode rule: `paths.include` limits it to Dockerfiles.
""",
    "shell": """\
# Shell scripts (*.sh, *.bash): URL tokens, and host, IP and region shaped tokens (a word of a
# command, VAR=value, --region=value) on every line but "#" comment lines, up to a " #" comment.
# Generic-mode rule: `paths.include` limits it to shell scripts.
""",
    "csharp": """\
# C# (.cs): regular, verbatim (@"...") and raw string literals, the constant parts of
# interpolated strings ($"https://{host}/x" yields "/x"), attribute arguments.
""",
    "ruby": """\
# Ruby (.rb): single- and double-quoted strings, the constant parts of "#{...}" interpolation,
# %q/%Q strings; comments (# and =begin/=end) never.
""",
    "php": """\
# PHP (.php): single- and double-quoted strings, the constant parts of "{$x}" interpolation,
# heredocs; comments never. The HTML around <?php ?> blocks is not read.
""",
    "html": """\
# HTML and HTML templates (.html, .htm, .jinja, .jinja2, .hbs, .handlebars, .mustache, .ejs,
# .njk, .twig, .erb, .cshtml, .razor, .blade.php): what the page makes the browser load, the
# classic third-party transfer: URL tokens in tags and in inline <script> / <style> (gtag and
# Tag Manager snippets, @import), and the whole value of a loading attribute (src, href, srcset,
# action, data, poster, data-src) or of url(...) when it is a host, //host/path or IP address.
# Never: <!-- comments -->, template comments ({# #}, @* *@, <%# %>, {{-- --}}, {% comment %}
# blocks), <a> tags (a link the visitor may follow, not something the page loads), <meta>
# tags, canonical and alternate <link>s, vocabulary and namespace URIs (itemtype, xmlns), and
# text between tags (prose).
# Generic-mode rule: `paths.include` limits it to these files.
""",
    "xml": """\
# XML (.xml; .NET .config and .csproj; Spring contexts, Maven POMs, Android manifests,
# logback/log4j appenders): URL tokens anywhere, and the whole text of an element or the whole
# value of an attribute (or one element of a "," / ";" list in it) when shaped like a host, IP
# or region.
# Never: <!-- comments -->, namespace and schema URIs (xmlns, xsi:schemaLocation), the
# <?xml ?> declaration, <!DOCTYPE>, and a POM's project metadata (licenses, scm, developers,
# contributors, organization, issue and CI management, mailing lists), <description> (prose).
# The project's own <url> is read: it cannot be told from a repository's <url> without a parser.
# Generic-mode rule: `paths.include` limits it to these files.
""",
    "toml": """\
# TOML (.toml): key = value lines and the lines of an array continued over several lines;
# "#" comments (whole lines and after a value) never. Values split at white space, ",", ";".
# Generic-mode rule: `paths.include` limits it to *.toml.
""",
    "ini": """\
# INI, CFG and CONF files (.ini, .cfg, .conf: setup.cfg, nginx upstream / server /
# proxy_pass, HAProxy server lines, my.cnf-style sections): "key = value", "key: value" and
# "directive value ...;" lines; "#" and ";" comments (whole lines and after a value) never.
# Generic-mode rule: `paths.include` limits it to these files.
""",
    "sql": """\
# SQL (.sql: seed data, CREATE SERVER ... OPTIONS (host '...'), connection strings): URL
# tokens anywhere but in comments, and the whole of a '...' string literal when shaped like a
# host, IP or region. "--" and /* */ comments never.
# Generic-mode rule: `paths.include` limits it to *.sql.
""",
    "gradle": """\
# Gradle Groovy build scripts (.gradle): URL tokens anywhere but in comments (maven { url
# "..." }, uri('...')), and the whole of a '...' / "..." string when shaped like a host, IP or
# region. "//" and /* */ comments never. (build.gradle.kts is Kotlin.)
# Generic-mode rule: `paths.include` limits it to *.gradle.
""",
    "properties": """\
# Java .properties: key=value, key: value and key value lines; "#" and "!" comment lines are
# never matched. The value is split into tokens at white space, ",", ";".
# Not covered: continuation lines (a value continued after a trailing backslash).
""",
}

_TITLES = {
    "python": "Python",
    "go": "Go",
    "java": "Java",
    "kotlin": "Kotlin",
    "javascript": "JavaScript",
    "typescript": "TypeScript",
    "terraform": "Terraform / HCL",
    "json": "JSON",
    "yaml": "YAML",
    "dotenv": ".env files",
    "properties": "Java .properties files",
    "dockerfile": "Dockerfiles",
    "shell": "shell scripts",
    "csharp": "C#",
    "ruby": "Ruby",
    "php": "PHP",
    "html": "HTML and HTML templates",
    "xml": "XML",
    "toml": "TOML",
    "ini": "INI, CFG and CONF files",
    "sql": "SQL",
    "gradle": "Gradle Groovy build scripts",
}

# rule file stem -> (semgrep languages, boundaries); None: a generic-mode rule
_CODE_RULES = {
    "python": ("python", _CODE),
    "go": ("go", _CODE),
    "java": ("java", _CODE),
    "kotlin": ("kotlin", _CODE),
    "javascript": ("javascript", _CODE),
    "typescript": ("typescript", _CODE),
    "terraform": ("hcl", _CODE),
    "json": ("json", _JSON),
    "yaml": ("yaml", _YAML),
    "csharp": ("csharp", _CODE),
    "ruby": ("ruby", _CODE),
    "php": ("php", _CODE),
}
_GENERIC_RULES = {
    "dotenv": ([".env", ".env.*", "*.env"], _DOTENV_KEY),
    "properties": (["*.properties"], _PROPERTIES_KEY),
    "dockerfile": (
        # every name auditkit.core.languages calls a Dockerfile (semgrep's globs are case-sensitive)
        [
            *("Dockerfile", "Dockerfile.*", "dockerfile", "dockerfile.*"),
            *("*.dockerfile", "*.Dockerfile", "Containerfile", "containerfile"),
        ],
        _DOCKERFILE_KEY,
    ),
    "shell": (["*.sh", "*.bash"], _SHELL_KEY),
    "toml": (["*.toml"], _TOML_KEY),
    "ini": (["*.ini", "*.cfg", "*.conf"], _INI_KEY),
}
# HTML template flavours whose markup is HTML (auditkit.core.languages gives them language html).
HTML_SUFFIXES = (
    *(".html", ".htm", ".jinja", ".jinja2", ".hbs", ".handlebars"),
    *(".mustache", ".ejs", ".njk", ".twig", ".erb", ".cshtml", ".razor", ".blade.php"),
)
# rule file stem -> (paths.include, what is skipped, the candidates besides URL tokens)
_SKIPPING_RULES = {
    "html": ([f"*{s}" for s in HTML_SUFFIXES], _HTML_SKIP, _HTML_BODY),
    "xml": (["*.xml", "*.config", "*.csproj"], _XML_SKIP, _XML_BODY),
    "sql": (["*.sql"], _SQL_SKIP, _SQL_BODY),
    "gradle": (["*.gradle"], _GRADLE_SKIP, _GRADLE_BODY),
}

# The annotated test file beside each rule file (semgrep's runner pairs them by stem).
TEST_FILES = {
    "python": "python.py",
    "go": "go.go",
    "java": "java.java",
    "kotlin": "kotlin.kt",
    "javascript": "javascript.js",
    "typescript": "typescript.ts",
    "terraform": "terraform.tf",
    "json": "json.json",
    "yaml": "yaml.test.yaml",
    "dotenv": "dotenv.env",
    "properties": "properties.properties",
    "dockerfile": "dockerfile.dockerfile",
    "shell": "shell.sh",
    "csharp": "csharp.cs",
    "ruby": "ruby.rb",
    "php": "php.php",
    "html": "html.html",
    "xml": "xml.xml",
    "toml": "toml.toml",
    "ini": "ini.ini",
    "sql": "sql.sql",
    "gradle": "gradle.gradle",
}

_MESSAGE = "literal that may hold an endpoint (URL, host name, IP address or cloud region)"

_HEAD = """\
rules:
  - id: {rule_id}
    languages: [{language}]
    severity: INFO
    message: {message}
    metadata:
      auditkit:
        role: endpoint-literal
"""

_JS_PATHS = """\
    # semgrep also runs javascript rules on TypeScript files: leave those to
    # endpoint-literal-typescript, so that no literal is reported twice
    paths:
      exclude:
        - "*.ts"
        - "*.tsx"
        - "*.mts"
        - "*.cts"
"""

_PYTHON_OPTIONS = """\
      # a bare string statement (docstring) pattern must not match deeper expressions
      implicit_deep_exprstmt: false
"""

_PYTHON_NOT_DOCSTRING = """\
      # docstrings and other bare string statements are documentation, like comments
      # (a `return "..."` also counts as an expression statement for semgrep: keep it; so does
      # the value of an annotated assignment, `url: str = "https://..."`: keep it too)
      - pattern-not-inside:
          patterns:
            - pattern: |
                "$DOC"
                ...
            - pattern-not-inside: return ...
            - pattern-not: |
                $NAME: $TYPE = $VALUE
                ...
            # nor a class attribute that is the first statement of its class body, which
            # semgrep also matches as a bare string: `class C: URL = "https://..."` (URL first)
            - pattern-not: |
                $NAME = $VALUE
                ...
            - focus-metavariable: $DOC
"""

_TERRAFORM_MULTI_REGION = """\
      # GCP multi-region and dual-region locations (US, EU, ASIA, EUR4, NAM4) and Spanner
      # multi-region configurations, as the value of a location or region attribute only: as
      # bare words they are far too common
      - patterns:
          - pattern: $ATTR = "$S"
          - metavariable-regex:
              metavariable: $ATTR
              regex: ^(?:location|region|default_location|config)$
          - metavariable-regex:
              metavariable: $S
              regex: ^(?i:eu|us|asia|asia1|eur[3-8]|nam[3-9]|nam-eur-asia1)$
          - focus-metavariable: $S
"""

# The AWS SDK for Java's region constants, written the same way in Java and in Kotlin.
_AWS_JAVA_SDK_REGION_RULE = """\
  - id: region-identifier-{language}
    languages: [{language}]
    severity: INFO
    message: AWS SDK for Java region constant{where} (the match is its name, e.g. US_EAST_1)
    metadata:
      auditkit:
        role: region-identifier
        provider: aws
    patterns:
      - pattern-either:
          # SDK v1 enum (also unqualified: the class name is specific to the AWS SDK)
          - pattern: com.amazonaws.regions.Regions.$R
          - pattern: Regions.$R
          # SDK v2 constants; semgrep resolves the import of Region
          - pattern: software.amazon.awssdk.regions.Region.$R
      - metavariable-regex:
          metavariable: $R
          regex: ^(?:[A-Z]{{2}}(?:_[A-Z]+)+_[0-9]+|GovCloud)$
      - focus-metavariable: $R
"""

# Google Cloud multi-region locations ("US", "EU", "ASIA") and dual-regions ("EUR4", "NAM4")
# of client libraries: bigquery.Client(location="US"), a dataset's location. As bare words
# they are far too common; only the value of a `location` argument, field or setter counts.
_MULTI_REGIONS = r"^(?i:eu|us|asia|asia1|eur[3-8]|nam[3-9]|nam-eur-asia1)$"
_LOCATION_RULE = """\
  - id: region-location-{language}
    languages: [{language}]
    severity: INFO
    message: Google Cloud multi-region given as a client library's location (location="US")
{paths}    metadata:
      auditkit:
        role: region-identifier
        provider: gcp
    options:
      constant_propagation: false
    patterns:
      - pattern-either:
{patterns}      - metavariable-regex:
          metavariable: $S
          regex: {regex}
      - focus-metavariable: $S
"""
_LOCATION_PATTERNS = {
    "python": ['$F(..., location="$S", ...)', '$X.location = "$S"'],
    "javascript": ['{..., location: "$S", ...}', '$X.location = "$S"'],
    "typescript": ['{..., location: "$S", ...}', '$X.location = "$S"'],
    "go": ['$T{..., Location: "$S", ...}', '$X.Location = "$S"'],
    "java": ['$X.setLocation("$S")', '$X.location("$S")'],
}


def _location_rule(language: str) -> str:
    patterns = "".join(f"          - pattern: '{p}'\n" for p in _LOCATION_PATTERNS[language])
    paths = _JS_PATHS if language == "javascript" else ""
    return _LOCATION_RULE.format(
        language=language, paths=paths, patterns=patterns, regex=_MULTI_REGIONS
    )


_REGION_RULES = {
    "java": _AWS_JAVA_SDK_REGION_RULE.format(language="java", where="") + _location_rule("java"),
    "kotlin": _AWS_JAVA_SDK_REGION_RULE.format(language="kotlin", where=" in Kotlin"),
    "python": _location_rule("python"),
    "javascript": _location_rule("javascript"),
    "typescript": _location_rule("typescript"),
    "go": """\
  - id: region-identifier-go
    languages: [go]
    severity: INFO
    message: AWS SDK for Go v1 region constant (the match is its name, e.g. UsEast1RegionID)
    metadata:
      auditkit:
        role: region-identifier
        provider: aws
    patterns:
      - pattern: endpoints.$R
      - metavariable-regex:
          metavariable: $R
          regex: ^[A-Z][a-z]+(?:[A-Z][a-z]+)*[0-9]+RegionID$
      - focus-metavariable: $R
"""
    + _location_rule("go"),
}


def _indent(text: str, n: int) -> str:
    return "".join((" " * n + line) if line.strip() else line for line in text.splitlines(True))


def code_regex(boundaries: tuple[str, str, str]) -> str:
    guard, left, right = boundaries
    guard_lines = f"  # not in a mapping key\n  {guard}\n" if guard else ""
    words = WORDS.replace("  SHAPES\n", _indent(SHAPES, 2))
    return (
        "(?ix)\n(?:\n  (?:\n" + _indent(TOKENS, 2) + "  )\n" + guard_lines
        + "| # the whole literal, or one element of a , or ; separated list in the literal\n"
        + f"  {left}\n  (?:\n" + _indent(SHAPES, 2) + f"  )\n  {right}\n"
        + "| # a word of longer text\n" + _indent(words, 2) + ")\n"
    )  # fmt: skip


def generic_regex(key: str) -> str:
    return (
        "(?mix)\n" + key + "\\K\n(?:\n  (?:\n" + _indent(TOKENS, 2) + "  )\n"
        + "| # a token of the value: whole value, list element, or -Dkey=value operand\n"
        + "  (?<=[=:\\s\"',;])\n  (?:\n" + _indent(SHAPES, 2) + "  )\n"
        + "  (?=[\\s\"',;]|$)\n)\n"
    )  # fmt: skip


def _note(stem: str) -> str:
    return f"# auditkit endpoint-candidate extraction: {_TITLES[stem]}.\n#\n{_NOTES[stem]}#\n"


def _code_rule(stem: str, language: str, boundaries: tuple[str, str, str]) -> str:
    head = _HEAD.format(rule_id=f"endpoint-literal-{stem}", language=language, message=_MESSAGE)
    paths = _JS_PATHS if stem == "javascript" else ""
    options = "    options:\n      constant_propagation: false\n"
    if stem == "python":
        options += _PYTHON_OPTIONS
    body = (
        "    patterns:\n"
        "      # inside a string literal (never a comment); the match is the regex match below\n"
        "      - pattern: '\"$S\"'\n"
        + (_PYTHON_NOT_DOCSTRING if stem == "python" else "")
        + "      - pattern-regex: |\n" + _indent(code_regex(boundaries), 10)
    )  # fmt: skip
    if stem == "terraform":
        body = (
            "    pattern-either:\n      - " + _indent(body, 4).lstrip()
            + _TERRAFORM_MULTI_REGION
        )  # fmt: skip
    return _note(stem) + _COMMON_NOTE + head + paths + options + body + _REGION_RULES.get(stem, "")


def _generic_rule(stem: str, include: list[str], key: str) -> str:
    head = _HEAD.format(rule_id=f"endpoint-literal-{stem}", language="generic", message=_MESSAGE)
    paths = "    paths:\n      include:\n" + "".join(f'        - "{p}"\n' for p in include)
    body = "    pattern-regex: |\n" + _indent(generic_regex(key), 6)
    return _note(stem) + _COMMON_NOTE + head + paths + body


def _skipping_rule(stem: str, include: list[str], skip: str, body: str) -> str:
    head = _HEAD.format(rule_id=f"endpoint-literal-{stem}", language="generic", message=_MESSAGE)
    paths = "    paths:\n      include:\n" + "".join(f'        - "{p}"\n' for p in include)
    regex = "    pattern-regex: |\n" + _indent(skipping_regex(skip, body), 6)
    return _note(stem) + _COMMON_NOTE + head + paths + regex


def render() -> dict[str, str]:
    """File name -> text of every endpoint rule file."""
    out = {f"{stem}.yaml": _code_rule(stem, *spec) for stem, spec in _CODE_RULES.items()}
    out.update(
        {f"{stem}.yaml": _generic_rule(stem, *spec) for stem, spec in _GENERIC_RULES.items()}
    )
    out.update(
        {f"{stem}.yaml": _skipping_rule(stem, *spec) for stem, spec in _SKIPPING_RULES.items()}
    )
    return out


def main() -> int:
    for name, text in render().items():
        (RULES_DIR / name).write_text(text, encoding="utf-8")
        print(RULES_DIR / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
