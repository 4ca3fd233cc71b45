using FirewallKit.Core.Catalog;
using FirewallKit.Core.Plan;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Core.Export;

/// <summary>
/// What a script's header tells the reviewer of a change ticket beyond the rules: port by port who may reach it and
/// why, and the plan's warnings (the vendor's UNCONFIRMED ports among them), which a script otherwise never shows.
/// Plain lines, wrapped to <see cref="Width"/>; each exporter makes them comments in its own language.
/// </summary>
public static class ScriptHeader
{
    /// <summary>The widest line before the comment marker: readable in a diff or a change ticket.</summary>
    public const int Width = 100;

    private const string Indent = "  ";

    public static IReadOnlyList<string> Lines(RulePlan plan)
    {
        var lines = new List<string> { "Ports: who may reach each one, and why" };
        var portWidth = Math.Max(4, plan.Ports.Max(p => (int?)p.PortText.Length) ?? 0) + 2;
        var detail = Indent + new string(' ', portWidth + "PROTO  ".Length + "restricted  ".Length);
        lines.Add(Indent + "PORT".PadRight(portWidth) + "PROTO  " + "DECISION    " + "WHO, AND WHY");
        foreach (var port in plan.Ports)
        {
            var head = Indent + port.PortText.PadRight(portWidth) + (port.Protocol is { } protocol ? RuleTerms.Protocol(protocol) : "any").PadRight(7) + PlanTerms.Decision(port.Decision).PadRight(12);
            var allowed = Allowed(port);
            var first = allowed.Length > 0 ? "from " + allowed : port.Reason;
            lines.AddRange(Wrap(first, head, detail));
            if (allowed.Length > 0)
            {
                lines.AddRange(Wrap(port.Reason, detail, detail));
            }
        }

        lines.Add(string.Empty);
        if (plan.Warnings.Count == 0)
        {
            lines.Add("Warnings: none");
            return lines;
        }

        lines.Add("Warnings: read them before this script is approved");
        foreach (var warning in plan.Warnings)
        {
            lines.AddRange(Wrap($"[{warning.Code}] {warning.Message}", Indent + "! ", Indent + "  "));
        }

        return lines;
    }

    private static string Allowed(PortDecision port) =>
        port.Decision is Decision.Closed or Decision.NoRule
            ? string.Empty
            : string.Join("; ", port.AllowedFrom
                .GroupBy(a => a.Audience)
                .Select(g => $"{g.Key}: {string.Join(", ", g.SelectMany(a => a.Addresses.ToTokens()).Distinct())}"));

    /// <summary>Breaks <paramref name="text"/> at spaces after <paramref name="first"/>, then after <paramref name="next"/>; a longer word keeps a line of its own.</summary>
    private static IEnumerable<string> Wrap(string text, string first, string next)
    {
        var line = first;
        var empty = true;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                yield return line;
                (line, empty) = (next, true);
            }

            line += (empty ? string.Empty : " ") + word;
            empty = false;
        }

        yield return line;
    }
}
