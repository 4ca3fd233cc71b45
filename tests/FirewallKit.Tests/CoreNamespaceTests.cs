using System.Text.RegularExpressions;

namespace FirewallKit.Tests;

/// <summary>Core's folders build on one another: no namespace imports one that imports it back, however indirectly.</summary>
public partial class CoreNamespaceTests
{
    [Test]
    public void Cores_namespaces_form_no_cycle()
    {
        var imports = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src", "FirewallKit.Core"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            if (Namespace().Match(text) is not { Success: true } declared)
            {
                continue;
            }

            var own = declared.Groups[1].Value;
            var set = imports.TryGetValue(own, out var existing) ? existing : imports[own] = [];
            foreach (Match used in Using().Matches(text))
            {
                if (used.Groups[1].Value != own)
                {
                    set.Add(used.Groups[1].Value);
                }
            }
        }

        var cycles = new List<string>();
        foreach (var start in imports.Keys.Order(StringComparer.Ordinal))
        {
            // Everything reachable from start's imports; reaching start again is a cycle.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var stack = new Stack<string>(imports[start]);
            while (stack.TryPop(out var next))
            {
                if (next == start)
                {
                    cycles.Add(start);
                    break;
                }

                if (seen.Add(next) && imports.TryGetValue(next, out var further))
                {
                    foreach (var n in further)
                    {
                        stack.Push(n);
                    }
                }
            }
        }

        Assert.That(imports.Keys, Has.Member("RuleWords").And.Member("Rules").And.Member("Evaluation"), "the folders this test knows");
        Assert.That(cycles, Is.Empty, "namespaces that import themselves through others");
    }

    [GeneratedRegex(@"^namespace FirewallKit\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (?:\w+ = )?FirewallKit\.Core\.(\w+)", RegexOptions.Multiline)]
    private static partial Regex Using();
}
