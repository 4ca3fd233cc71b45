using System.Text;
using FirewallKit.Core.Addresses;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Export;

/// <summary>
/// The parts of the exported script that restate what the C# already knows: the address keywords, each
/// condition's default and reset (from <see cref="RuleFields"/>) and the ownership test
/// (<see cref="RuleOwnership.PowerShellTest"/>). <c>PlanScript.ps1</c> holds a <c># fwkit:Name</c> line where
/// each goes, so it has no copy of its own that could drift from the C#.
/// </summary>
public static class PlanScriptTables
{
    private const string Marker = "# fwkit:";

    /// <summary>The keywords a remote address may be; the script canonicalises them in any case.</summary>
    public static IReadOnlyList<string> AddressKeywords { get; } =
        [.. Enum.GetValues<AddressKeywordName>().Where(name => name != AddressKeywordName.Any).Select(name => name.ToString())];

    /// <summary>The script's condition names with the value a rule without them reads back as, in the order it checks them.</summary>
    public static IReadOnlyList<NetSecurityCondition> Conditions { get; } =
        [.. RuleFields.Conditions.SelectMany(field => field.Spelling.Conditions)];

    /// <summary><paramref name="template"/> with each <c># fwkit:Name</c> line replaced by that part, at the line's indent.</summary>
    public static string Fill(string template)
    {
        var text = new StringBuilder();
        foreach (var line in template.Split('\n'))
        {
            var trimmed = line.TrimStart(' ');
            if (!trimmed.StartsWith(Marker, StringComparison.Ordinal))
            {
                text.Append(line).Append('\n');
                continue;
            }

            var indent = line[..(line.Length - trimmed.Length)];
            var part = trimmed[Marker.Length..] switch
            {
                "AddressKeywords" => KeywordList(indent),
                "ConditionDefault" => Table("$ConditionDefault = [ordered]@{", Conditions.Select(c => (c.Parameter, PowerShellLiteral.Quote(c.Default)))),
                "ConditionReset" => Table("$ConditionReset = @{", Conditions.Select(c => (c.Parameter, c.Reset))),
                "OwnedRuleTest" => RuleOwnership.PowerShellTest + "\n",
                var other => throw new InvalidOperationException($"PlanScript.ps1 names a part '{other}' that PlanScriptTables does not write."),
            };
            text.Append(part);
        }

        // Split leaves one empty piece after the last newline.
        return text.ToString(0, text.Length - 1);
    }

    private static string KeywordList(string indent)
    {
        const int Width = 100;
        var text = new StringBuilder();
        var line = new StringBuilder(indent).Append("$keywords = ");
        for (var i = 0; i < AddressKeywords.Count; i++)
        {
            var item = PowerShellLiteral.Quote(AddressKeywords[i]) + (i < AddressKeywords.Count - 1 ? "," : string.Empty);
            if (line.Length + 1 + item.Length > Width && i > 0)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(indent).Append("    ");
            }
            else if (i > 0)
            {
                line.Append(' ');
            }

            line.Append(item);
        }

        return text.Append(line).Append('\n').ToString();
    }

    private static string Table(string opening, IEnumerable<(string Key, string Value)> rows)
    {
        var entries = rows.ToList();
        var width = entries.Max(e => e.Key.Length);
        var text = new StringBuilder(opening).Append('\n');
        foreach (var (key, value) in entries)
        {
            text.Append("    ").Append(key.PadRight(width)).Append(" = ").Append(value).Append('\n');
        }

        return text.Append("}\n").ToString();
    }
}
