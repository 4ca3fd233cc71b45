using System.Globalization;
using System.Text.Json;
using FirewallKit.Core.Ports;
using FirewallKit.Core.RuleWords;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Catalog;

/// <summary>Reads and validates a catalog file, or the PrinterOn catalog embedded in the tool.</summary>
public static class CatalogLoader
{
    public const string EmbeddedName = "printeron";

    public static readonly JsonFileReader<PortCatalog> Reader = new(Read);

    private static readonly string[] TopFields =
        ["$schema", "id", "product", "catalogVersion", "source", "defaultRuleGroup", "ruleNamePrefix", "ephemeralLocalIpc", "serverRoles", "features", "entries"];

    private static readonly string[] FeatureFields = ["name", "default", "requires", "description"];
    private static readonly string[] RoleFields = ["name", "description"];
    private static readonly string[] EphemeralFields = ["above", "note"];

    public static PortCatalog LoadEmbedded()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream($"FirewallKit.Core.Catalog.{EmbeddedName}.json")
            ?? throw new InvalidOperationException("The embedded PrinterOn catalog is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Reader.Parse("(embedded printeron catalog)", buffer.ToArray());
    }

    /// <summary>The catalog at <paramref name="path"/>, or the embedded PrinterOn catalog when null.</summary>
    public static PortCatalog LoadOrEmbedded(string? path) => path is null ? LoadEmbedded() : Reader.Load(path);

    private static PortCatalog Read(string file, JsonElement root)
    {
        var errors = new InputErrors(file);
        var top = JsonObjectReader.Open(root, "$", errors, TopFields, "a catalog");
        if (top is null)
        {
            errors.ThrowIfAny();
        }

        var idText = top!.String("id", required: true);
        var id = idText ?? string.Empty;
        var product = top.String("product", required: true) ?? string.Empty;
        var versionText = top.String("catalogVersion");
        var version = versionText ?? "unversioned";
        var source = top.String("source") ?? string.Empty;
        var group = top.String("defaultRuleGroup", required: true) ?? string.Empty;
        var prefix = top.String("ruleNamePrefix", required: true) ?? string.Empty;
        if (prefix.Length > 0 && !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("$.ruleNamePrefix", $"'{prefix}' has characters other than letters, digits, '-', '_' and '.'", "rule names are identifiers: use something like 'fwkit-product'");
        }

        // The id names the exported script's file in its usage lines (printeron-fw.ps1), text an
        // administrator pastes into a shell; the version sits beside it in the scripts' headers.
        if (idText is not null && !IsCatalogId(idText))
        {
            errors.Add("$.id", $"'{id}' is not a catalog id: only lower-case letters, digits and '-' are allowed, starting with a letter or digit", "use a short name such as 'printeron'");
        }

        if (RuleText.IsResourceReference(group))
        {
            errors.Add("$.defaultRuleGroup", RuleText.ResourceReferenceProblem, RuleText.ResourceReferenceFix);
        }

        if (versionText is not null && !IsCatalogVersion(versionText))
        {
            errors.Add("$.catalogVersion", $"'{version}' is not a catalog version: only letters, digits, '.', '-' and '+' are allowed", "use a version such as '2026.11.1'");
        }

        EphemeralRange? ephemeral = null;
        if (top.Object("ephemeralLocalIpc", EphemeralFields, "the ephemeral port range") is { } eph)
        {
            ephemeral = new EphemeralRange(eph.Int("above", required: true) ?? PortRange.Max, eph.String("note") ?? string.Empty);
        }

        var roles = top.ObjectArray("serverRoles", RoleFields, "a server role")
            .Select(r => new ServerRole(r.String("name", required: true) ?? string.Empty, r.String("description") ?? string.Empty))
            .ToList();
        var features = ReadFeatures(top, errors);
        var entryReader = new CatalogEntryReader(features, roles);
        var entries = top.ObjectArray("entries", CatalogEntryReader.Fields, "a catalog entry", required: true)
            .Select(entryReader.Read)
            .ToList();

        CheckConsistency(entries, errors);
        errors.ThrowIfAny();
        return new PortCatalog(id, product, version, source, group, prefix, ephemeral, roles, features, entries, file);
    }

    private static bool IsCatalogId(string id) =>
        id.Length is > 0 and <= 64 && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0])) && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static bool IsCatalogVersion(string version) =>
        version.Length is > 0 and <= 64 && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+');

    private static List<CatalogFeature> ReadFeatures(JsonObjectReader top, InputErrors errors)
    {
        var features = top.ObjectArray("features", FeatureFields, "a feature")
            .Select(f => new CatalogFeature(
                f.String("name", required: true) ?? string.Empty,
                f.String("description") ?? string.Empty,
                f.Bool("default") ?? false,
                [.. f.StringArray("requires") ?? []]))
            .ToList();
        for (var i = 0; i < features.Count; i++)
        {
            if (features[i].Name.Length > 0 && features.Take(i).Any(f => f.Name == features[i].Name))
            {
                errors.Add($"$.features[{i}].name", $"the feature '{features[i].Name}' is listed by an earlier feature too", "give every feature its own name");
            }

            foreach (var required in features[i].Requires.Where(r => features.All(f => f.Name != r)))
            {
                errors.Add($"$.features[{i}].requires", $"unknown feature '{required}'", Suggest.Fix(required, features.Select(f => f.Name), "features"));
            }
        }

        return features;
    }

    private static void CheckConsistency(List<CatalogEntry> entries, InputErrors errors)
    {
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (entries.Take(i).Any(e => e.Id == entry.Id))
            {
                errors.Add($"$.entries[{i}].id", $"the id '{entry.Id}' is used by an earlier entry", "give every entry its own id");
            }

            foreach (var port in entry.Ports)
            {
                // One port may have several rows (5200 does), but they must agree on what it is for.
                var other = entries.Take(i).FirstOrDefault(e => e.Protocol == entry.Protocol && e.Ports.Contains(port) && e.Role != entry.Role);
                if (other is not null)
                {
                    errors.Add(
                        $"$.entries[{i}].role",
                        string.Create(CultureInfo.InvariantCulture, $"port {port}/{RuleTerms.Protocol(entry.Protocol)} is listed as '{CatalogTerms.Role(entry.Role)}' here and as '{CatalogTerms.Role(other.Role)}' in entry '{other.Id}'"),
                        "give both entries of the port the same role");
                }
            }
        }
    }
}
