using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.IO;
using FirewallKit.Core.RuleWords;

namespace FirewallKit.Cli.Views;

/// <summary>The catalog as the engine reads it, for <c>fwkit catalog</c>.</summary>
public static class CatalogFormatter
{
    public static string Table(PortCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendLine($"{PrintableText.Escape(catalog.Product)} · catalog '{catalog.Id}' {catalog.CatalogVersion} · {catalog.Entries.Count} entries");
        text.AppendLine();
        var rows = catalog.Entries.Select(e => new[]
        {
            e.Ports.Count == 0 ? "(profile)" : string.Join(",", e.Ports),
            RuleTerms.Protocol(e.Protocol),
            e.Id,
            CatalogTerms.Role(e.Role) + (e.DeprecatedIn is { } v ? $", deprecated {v.ToString(3)}" : string.Empty) + (e.Configurable ? ", configurable" : string.Empty),
            e.Feature ?? "-",
            e.ServedBy.Count == 0 ? "every host" : string.Join(", ", e.ServedBy),
            e.ReachedBy.Count == 0 ? "nobody (local only)" : string.Join("; ", e.ReachedBy.Select(Describe)),
        });
        TextTable.Append(text, ["PORT", "PROTO", "ENTRY", "ROLE", "FEATURE", "SERVED BY", "REACHED BY"], rows);

        text.AppendLine();
        text.AppendLine("Features (profile \"features\")");
        foreach (var feature in catalog.Features)
        {
            var requires = feature.Requires.Count > 0 ? $" (needs {string.Join(", ", feature.Requires)})" : string.Empty;
            text.AppendLine($"  {feature.Name,-18} default {(feature.Default ? "on " : "off")}  {PrintableText.Escape(feature.Description)}{requires}");
        }

        text.AppendLine();
        text.AppendLine("Server roles (profile \"peers[].roles\")");
        foreach (var role in catalog.ServerRoles)
        {
            text.AppendLine($"  {PrintableText.Escape(role.Name),-18} {PrintableText.Escape(role.Description)}");
        }

        if (catalog.Ephemeral is { } ephemeral)
        {
            text.AppendLine();
            text.AppendLine($"Ports above {ephemeral.Above}: {PrintableText.Escape(ephemeral.Note)}");
        }

        return text.ToString();
    }

    public static string Json(PortCatalog catalog)
    {
        var root = new JsonObject
        {
            ["id"] = catalog.Id,
            ["product"] = catalog.Product,
            ["catalogVersion"] = catalog.CatalogVersion,
            ["entries"] = new JsonArray([.. catalog.Entries.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id,
                ["ports"] = new JsonArray([.. e.Ports.Select(p => (JsonNode)p)]),
                ["protocol"] = RuleTerms.Protocol(e.Protocol),
                ["component"] = e.Component,
                ["required"] = e.Required,
                ["role"] = CatalogTerms.Role(e.Role),
                ["feature"] = e.Feature,
                ["deprecatedIn"] = e.DeprecatedIn?.ToString(3),
                ["configurable"] = e.Configurable,
                ["servedBy"] = JsonOutput.Strings(e.ServedBy),
                ["reachedBy"] = new JsonArray([.. e.ReachedBy.Select(r => (JsonNode)JsonValue.Create(Describe(r))!)]),
                ["note"] = e.Note,
            })]),
            ["features"] = new JsonArray([.. catalog.Features.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["default"] = f.Default, ["description"] = f.Description })]),
        };
        return JsonOutput.Write(root);
    }

    private static string Describe(Reach reach)
    {
        var conditions = new List<string>();
        if (reach.When.Topology is { } topology)
        {
            conditions.Add(CatalogTerms.Topology(topology));
        }

        if (reach.When.Feature is { } feature)
        {
            conditions.Add(feature);
        }

        if (reach.When.FeatureOff is { } off)
        {
            conditions.Add("no " + off);
        }

        return conditions.Count == 0 ? reach.From : $"{reach.From} ({string.Join(", ", conditions)})";
    }
}
