using FirewallKit.Core.RuleStrings;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.RuleStrings;

/// <summary>The 2,122 rule strings Windows wrote on four real machines (v2.0 to v2.33): every one is read, none guessed.</summary>
public sealed class RealRuleStringsTests
{
    [Test]
    public void Every_real_rule_string_is_read_without_an_error_and_written_back_the_same()
    {
        var folder = RealWindows.Require("gpfas");
        var count = 0;
        foreach (var file in Directory.GetFiles(folder, "*.tsv"))
        {
            var errors = new InputErrors(file);
            foreach (var line in File.ReadLines(file))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                var (id, text) = (line[..tab], line[(tab + 1)..]);
                var read = RuleStringCodec.Read(id, text, errors, "line");
                count++;
                if (read is null)
                {
                    continue;
                }

                // Reading what fwkit writes gives the same rule: no field is lost between the two.
                if (RuleStringCodec.Refusal(read.Rule) is null)
                {
                    var again = RuleStringCodec.Read(id, RuleStringCodec.Write(read.Rule), errors, "rewritten");
                    Assert.That(again?.Rule, Is.EqualTo(read.Rule), $"{id}: {text}");
                }
            }

            errors.ThrowIfAny();
        }

        Assert.That(count, Is.GreaterThan(2000));
    }
}
