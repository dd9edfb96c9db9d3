using System.Text.RegularExpressions;

namespace OrleansCrm.Domain.Messaging.Templates;

/// <summary>
/// Reads the seeds' variable syntax: <c>{$name}</c>, dotted paths (<c>{$customer.name}</c>) and an optional named
/// format (<c>{$booking.start:long}</c>). A '{' not followed by '$' is text. A <c>{$</c> that is never closed, or
/// whose name is not a dotted path of letters and digits, is a problem with its position.
/// </summary>
public static partial class TemplateText
{
    public static ParsedTemplateText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = new List<TemplatePart>();
        var problems = new List<TemplateTextProblem>();
        var literalStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{$", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf('}', open + 2);
            var nextOpen = text.IndexOf("{$", open + 2, StringComparison.Ordinal);
            var (line, column) = LineAndColumn(text, open);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close))
            {
                problems.Add(new($"has a variable opened with '{{$' at line {line}, column {column} that is never closed with '}}'.", open, line, column));
                i = open + 2;
                continue;
            }

            var inner = text[(open + 2)..close];
            var colon = inner.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? inner : inner[..colon];
            var format = colon < 0 ? null : inner[(colon + 1)..];
            if (!NamePattern().IsMatch(name) || (format is not null && !FormatPattern().IsMatch(format)))
            {
                problems.Add(new($"has '{Shorten(text[open..(close + 1)])}' at line {line}, column {column}, which is not a variable: write {{$name}}, {{$customer.name}} or {{$booking.start:long}}.", open, line, column));
                i = close + 1;
                continue;
            }

            if (open > literalStart)
            {
                AddLiteral(parts, text, literalStart, open);
            }

            parts.Add(new TemplatePart(text[open..(close + 1)], name, format, open, line, column));
            i = close + 1;
            literalStart = i;
        }

        if (literalStart < text.Length)
        {
            AddLiteral(parts, text, literalStart, text.Length);
        }

        return new ParsedTemplateText(parts, problems);
    }

    private static void AddLiteral(List<TemplatePart> parts, string text, int start, int end)
    {
        var (line, column) = LineAndColumn(text, start);
        parts.Add(new TemplatePart(text[start..end], null, null, start, line, column));
    }

    private static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < offset; k++)
        {
            if (text[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z]+\z")]
    private static partial Regex FormatPattern();
}
