using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// The HTML an email template may hold, checked when it is saved, and the plain-text part made from it.
/// <para>
/// The check REFUSES rather than cleans: an element outside the allowlist (script, style, iframe, object, form…),
/// an event handler (<c>on…</c>), a <c>javascript:</c>/<c>data:</c> link, or HTML that is not well formed is a 400
/// naming what and where. Silently removing parts would store and send something other than what the admin wrote
/// and previewed; refusing says what to fix, and what is stored is exactly what is sent.
/// </para>
/// </summary>
public static partial class HtmlBody
{
    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "title", "meta", "a", "abbr", "b", "blockquote", "br", "caption", "center", "code",
        "col", "colgroup", "del", "div", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins",
        "li", "ol", "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "u", "ul",
    };

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "br", "hr", "img", "meta", "col" };

    private static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "href", "src", "alt", "title", "width", "height", "style", "class", "id", "align", "valign", "border",
        "cellpadding", "cellspacing", "colspan", "rowspan", "bgcolor", "color", "face", "size", "target", "rel",
        "lang", "dir", "charset", "name", "content",
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src" };

    /// <summary>What is wrong with the HTML, each with where it stands; empty when it may be stored.</summary>
    public static IReadOnlyList<string> Problems(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var problems = new List<string>();
        var open = new Stack<(string Name, int Offset)>();
        var i = 0;
        while (i < html.Length && problems.Count < 10)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                break;
            }

            if (Starts(html, lt, "<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    problems.Add($"has a comment at {Where(html, lt)} that is never closed.");
                    break;
                }

                i = end + 3;
                continue;
            }

            if (Starts(html, lt, "<!doctype", StringComparison.OrdinalIgnoreCase))
            {
                var end = html.IndexOf('>', lt);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }

            var gt = TagEnd(html, lt);
            if (gt < 0)
            {
                problems.Add($"has a tag at {Where(html, lt)} that is never closed with '>'.");
                break;
            }

            var tag = html[(lt + 1)..gt];
            i = gt + 1;
            var closing = tag.StartsWith('/');
            var match = TagPattern().Match(closing ? tag[1..] : tag);
            if (!match.Success)
            {
                problems.Add($"has '<{Shorten(tag)}>' at {Where(html, lt)}, which is not a well-formed tag.");
                continue;
            }

            var name = match.Groups["name"].Value.ToLowerInvariant();
            if (!Elements.Contains(name))
            {
                problems.Add(name is "script" or "style" or "iframe" or "object" or "embed" or "form" or "input" or "button" or "link" or "base" or "svg" or "frame" or "frameset" or "applet" or "textarea" or "select" or "math"
                    ? $"has a <{name}> element at {Where(html, lt)}; templates may not hold scripts, styles sheets, frames, objects or forms."
                    : $"has a <{name}> element at {Where(html, lt)}, which email templates do not allow.");
                continue;
            }

            if (closing)
            {
                if (VoidElements.Contains(name))
                {
                    problems.Add($"closes </{name}> at {Where(html, lt)}, an element that has no closing tag.");
                }
                else if (open.Count == 0 || open.Peek().Name != name)
                {
                    problems.Add(open.Count == 0
                        ? $"closes </{name}> at {Where(html, lt)} that was never opened."
                        : $"closes </{name}> at {Where(html, lt)} while <{open.Peek().Name}> from {Where(html, open.Peek().Offset)} is still open.");
                }
                else
                {
                    open.Pop();
                }

                continue;
            }

            CheckAttributes(match.Groups["attributes"].Value, name, Where(html, lt), problems);
            var selfClosed = match.Groups["self"].Success;
            if (!VoidElements.Contains(name) && !selfClosed)
            {
                open.Push((name, lt));
            }
        }

        if (problems.Count == 0 && open.Count > 0)
        {
            var (name, offset) = open.Peek();
            problems.Add($"opens <{name}> at {Where(html, offset)} and never closes it.");
        }

        return problems;
    }

    /// <summary>
    /// The plain-text part of an email made from its HTML: paragraphs, headings, rows and line breaks become lines,
    /// list items start with "- ", a link is its text followed by its address, an image its alt text; entities decoded.
    /// </summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = CommentPattern().Replace(html, "");
        text = HeadPattern().Replace(text, "");
        text = LinkPattern().Replace(text, m =>
        {
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value);
            var inner = WebUtility.HtmlDecode(StripTags(m.Groups["text"].Value)).Trim();
            return inner.Length == 0 || inner == href ? href : $"{inner} ({href})";
        });
        text = ImagePattern().Replace(text, m => m.Groups["alt"].Success ? m.Groups["alt"].Value : "");
        text = BreakPattern().Replace(text, "\n");
        text = BlockEndPattern().Replace(text, "\n\n");
        text = ItemPattern().Replace(text, "\n- ");
        text = CellEndPattern().Replace(text, " ");
        text = RowEndPattern().Replace(text, "\n");
        text = WebUtility.HtmlDecode(StripTags(text));
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => SpacesPattern().Replace(l, " ").Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }

    private static void CheckAttributes(string attributes, string element, string where, List<string> problems)
    {
        foreach (Match attribute in AttributePattern().Matches(attributes))
        {
            var name = attribute.Groups["name"].Value;
            var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"has an event handler '{name}' on <{element}> at {where}; templates may not hold scripts.");
            }
            else if (!Attributes.Contains(name))
            {
                problems.Add($"has an attribute '{name}' on <{element}> at {where}, which email templates do not allow.");
            }
            else if (UrlAttributes.Contains(name) && !SafeUrl(value))
            {
                problems.Add($"has {name}=\"{Shorten(value)}\" on <{element}> at {where}; links and images must be http(s), mailto: or tel: addresses (or a variable).");
            }
            else if (name.Equals("style", StringComparison.OrdinalIgnoreCase) && UnsafeStylePattern().IsMatch(value))
            {
                problems.Add($"has a style on <{element}> at {where} with a script, an expression or a url().");
            }
        }
    }

    private static bool SafeUrl(string value)
    {
        var url = WhitespacePattern().Replace(value, "");
        return url.Length == 0
            || url.StartsWith("{$", StringComparison.Ordinal)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("tel:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith('#');
    }

    /// <summary>The '&gt;' that ends the tag opened at <paramref name="lt"/>, skipping quoted attribute values.</summary>
    private static int TagEnd(string html, int lt)
    {
        char? quote = null;
        for (var k = lt + 1; k < html.Length; k++)
        {
            var c = html[k];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return k;
            }
            else if (c == '<')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool Starts(string text, int at, string prefix, StringComparison comparison = StringComparison.Ordinal) =>
        string.Compare(text, at, prefix, 0, prefix.Length, comparison) == 0;

    private static string Where(string html, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < offset; k++)
        {
            if (html[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        return $"line {line}, column {offset - lineStart + 1}";
    }

    private static string StripTags(string html) => AnyTagPattern().Replace(html, "");

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9]*)(?<attributes>(\s+[^\s=/>""']+(\s*=\s*(""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*)\s*(?<self>/)?\s*\z", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?<name>[^\s=/>""']+)(\s*=\s*(""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'=<>`]+)))?", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"javascript:|vbscript:|expression\s*\(|url\s*\(|behavior\s*:|-moz-binding", RegexOptions.IgnoreCase)]
    private static partial Regex UnsafeStylePattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"<head\b.*?</head\s*>|<title\b.*?</title\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex HeadPattern();

    [GeneratedRegex(@"<a\b[^>]*?\bhref\s*=\s*(""(?<href>[^""]*)""|'(?<href>[^']*)'|(?<href>[^\s>]+))[^>]*>(?<text>.*?)</a\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"<img\b(?=[^>]*?\balt\s*=\s*(""(?<alt>[^""]*)""|'(?<alt>[^']*)'))?[^>]*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ImagePattern();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakPattern();

    [GeneratedRegex(@"</(p|div|h[1-6]|blockquote|pre|table|ul|ol)\s*>|<hr\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEndPattern();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ItemPattern();

    [GeneratedRegex(@"</t[dh]\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex CellEndPattern();

    [GeneratedRegex(@"</tr\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex RowEndPattern();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex AnyTagPattern();

    [GeneratedRegex(@"[ \t\u00A0]+")]
    private static partial Regex SpacesPattern();
}
