using OrleansCrm.Domain.Messaging.Templates;

namespace OrleansCrm.Domain.Tests;

public sealed class TriggerCatalogDocumentationTests
{
    [Fact]
    public void The_README_documents_every_trigger_and_every_variable_of_the_catalog()
    {
        var readme = File.ReadAllText(FindReadme());
        var section = readme[readme.IndexOf("## Message templates", StringComparison.Ordinal)..];

        foreach (var trigger in TriggerCatalog.All)
        {
            Assert.Contains($"| `{trigger.Event}`", section, StringComparison.Ordinal);
            foreach (var variable in trigger.Variables)
            {
                Assert.Contains($"| `{{${variable.Name}}}` | {variable.Kind} | {variable.Description} |", section, StringComparison.Ordinal);
            }

            foreach (var field in trigger.ConstraintFields)
            {
                Assert.Contains($"`{field.Name}`", section, StringComparison.Ordinal);
            }
        }

        foreach (var format in TriggerCatalog.InstantFormats.Keys)
        {
            Assert.Contains($"`{format}`", section, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_trigger_offers_the_customers_name_and_no_variable_twice()
    {
        foreach (var trigger in TriggerCatalog.All)
        {
            Assert.True(trigger.Offers("name"), trigger.Event);
            Assert.True(trigger.Offers("customer.name"), trigger.Event);
            Assert.Equal(trigger.Variables.Count, trigger.Variables.Select(v => v.Name).Distinct().Count());
        }
    }

    private static string FindReadme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "README.md");
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "OrleansCrm.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("README.md beside OrleansCrm.sln");
    }
}
