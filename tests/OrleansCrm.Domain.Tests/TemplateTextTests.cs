using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

public sealed class TemplateTextTests
{
    [Fact]
    public void The_seeds_name_variable_and_dotted_paths_are_read_with_their_positions()
    {
        var parsed = TemplateText.Parse("Dear {$name},\nyour order {$order.number} of {$order.placedAt:date}.");

        Assert.Empty(parsed.Problems);
        var variables = parsed.Variables.ToList();
        Assert.Equal(["name", "order.number", "order.placedAt"], variables.Select(v => v.Variable));
        Assert.Equal((1, 6), (variables[0].Line, variables[0].Column));
        Assert.Equal((2, 12), (variables[1].Line, variables[1].Column));
        Assert.Equal("date", variables[2].Format);
        Assert.Equal("Dear {$name},\nyour order {$order.number} of {$order.placedAt:date}.", string.Concat(parsed.Parts.Select(p => p.Text)));
    }

    [Fact]
    public void A_brace_without_a_dollar_is_text()
    {
        var parsed = TemplateText.Parse("Use {curly} braces and {} freely");

        Assert.Empty(parsed.Problems);
        Assert.Empty(parsed.Variables);
    }

    [Theory]
    [InlineData("Hello {$name", "never closed")]
    [InlineData("Hello {$name {$order.number}", "never closed")]
    [InlineData("Hello {$}", "not a variable")]
    [InlineData("Hello {$customer..name}", "not a variable")]
    [InlineData("Hello {$customer name}", "not a variable")]
    [InlineData("Hello {$booking.start:Long!}", "not a variable")]
    public void A_broken_variable_is_a_problem_with_its_position(string text, string problem)
    {
        var parsed = TemplateText.Parse(text);

        var found = Assert.Single(parsed.Problems);
        Assert.Contains(problem, found.Message, StringComparison.Ordinal);
        Assert.Contains("line 1, column 7", found.Message, StringComparison.Ordinal);
    }
}
