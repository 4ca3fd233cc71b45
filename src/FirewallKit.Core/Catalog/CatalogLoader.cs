using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FirewallKit.Core.Validation;

namespace FirewallKit.Core.Catalog;

/// <summary>Reads and validates a catalog file, or the PrinterOn catalog embedded in the tool.</summary>
public static class CatalogLoader
{
    public const string EmbeddedName = "printeron";

    private static readonly string[] TopFields =
        ["$schema", "id", "product", "catalogVersion", "source", "defaultRuleGroup", "ruleNamePrefix", "ephemeralLocalIpc", "serverRoles", "features", "entries"];

    private static readonly string[] EntryFields =
        ["id", "ports", "protocol", "component", "required", "role", "feature", "deprecatedIn", "configurable", "displayName", "reachedBy", "note", "unconfirmed", "origin", "vendor"];

    private static readonly string[] ReachFields = ["from", "when", "flow"];
    private static readonly string[] WhenFields = ["topology", "feature", "featureOff"];
    private static readonly string[] VendorFields = ["port", "required", "description", "owner", "toDisable"];
    private static readonly string[] FeatureFields = ["name", "default", "requires", "description"];
    private static readonly string[] RoleFields = ["name", "description"];
    private static readonly string[] EphemeralFields = ["above", "note"];

    private static readonly Dictionary<string, PortRole> Roles = new(StringComparer.Ordinal)
    {
        ["client"] = PortRole.Client,
        ["cluster"] = PortRole.Cluster,
        ["localIpc"] = PortRole.LocalIpc,
        ["admin"] = PortRole.Admin,
        ["optional"] = PortRole.Optional,
    };

    public static PortCatalog LoadEmbedded()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        using var stream = assembly.GetManifestResourceStream($"FirewallKit.Core.Catalog.{EmbeddedName}.json")
            ?? throw new InvalidOperationException("The embedded PrinterOn catalog is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse("(embedded printeron catalog)", buffer.ToArray());
    }

    public static PortCatalog Load(string path)
    {
        using var document = JsonInput.Read(path);
        return Read(path, document.RootElement);
    }

    public static PortCatalog Parse(string file, byte[] json)
    {
        using var document = JsonInput.Parse(file, json);
        return Read(file, document.RootElement);
    }

    private static PortCatalog Read(string file, JsonElement root)
    {
        var errors = new InputErrors(file);
        var top = JsonObjectReader.Open(root, "$", errors, TopFields, "a catalog");
        if (top is null)
        {
            errors.ThrowIfAny();
        }

        var id = top!.String("id", required: true) ?? string.Empty;
        var product = top.String("product", required: true) ?? string.Empty;
        var version = top.String("catalogVersion") ?? "unversioned";
        var source = top.String("source") ?? string.Empty;
        var group = top.String("defaultRuleGroup", required: true) ?? string.Empty;
        var prefix = top.String("ruleNamePrefix", required: true) ?? string.Empty;
        if (prefix.Length > 0 && !prefix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("$.ruleNamePrefix", $"'{prefix}' has characters other than letters, digits, '-', '_' and '.'", "rule names are identifiers: use something like 'fwkit-product'");
        }

        EphemeralRange? ephemeral = null;
        if (top.Object("ephemeralLocalIpc", EphemeralFields, "the ephemeral port range") is { } eph)
        {
            ephemeral = new EphemeralRange(eph.Int("above", required: true) ?? 65535, eph.String("note") ?? string.Empty);
        }

        var roles = top.ObjectArray("serverRoles", RoleFields, "a server role")
            .Select(r => new ServerRole(r.String("name", required: true) ?? string.Empty, r.String("description") ?? string.Empty))
            .ToList();

        var features = top.ObjectArray("features", FeatureFields, "a feature")
            .Select(f => new CatalogFeature(
                f.String("name", required: true) ?? string.Empty,
                f.String("description") ?? string.Empty,
                f.Bool("default") ?? false,
                f.StringArray("requires") ?? []))
            .ToList();
        for (var i = 0; i < features.Count; i++)
        {
            foreach (var required in features[i].Requires.Where(r => features.All(f => f.Name != r)))
            {
                errors.Add($"$.features[{i}].requires", $"unknown feature '{required}'", Suggest.Fix(required, features.Select(f => f.Name), "features"));
            }
        }

        var entryReaders = top.ObjectArray("entries", EntryFields, "a catalog entry", required: true);
        var entries = new List<CatalogEntry>();
        foreach (var reader in entryReaders)
        {
            if (ReadEntry(reader, features, roles) is { } entry)
            {
                entries.Add(entry);
            }
        }

        CheckConsistency(entries, errors);
        errors.ThrowIfAny();
        return new PortCatalog(id, product, version, source, group, prefix, ephemeral, roles, features, entries, file);
    }

    private static CatalogEntry? ReadEntry(JsonObjectReader reader, List<CatalogFeature> features, List<ServerRole> roles)
    {
        var errors = reader.Errors;
        var path = reader.Path;
        var id = reader.String("id", required: true) ?? string.Empty;
        var ports = new List<int>();
        if (reader.Raw("ports") is { ValueKind: JsonValueKind.Array } portArray)
        {
            var index = 0;
            foreach (var item in portArray.EnumerateArray())
            {
                var itemPath = JsonObjectReader.Index(path + ".ports", index++);
                if (reader.IntAt(item, itemPath) is { } port)
                {
                    if (port is < 1 or > 65535)
                    {
                        errors.Add(itemPath, $"port {port} is out of range", "use a port number from 1 to 65535");
                    }
                    else
                    {
                        ports.Add(port);
                    }
                }
            }
        }
        else
        {
            errors.Add(path + ".ports", "the required field 'ports' is missing or not an array", "add \"ports\": [ 631 ] (an empty array only for a configurable port with no default)");
        }

        var protocolText = reader.String("protocol", required: true) ?? "TCP";
        TransportProtocol protocol = TransportProtocol.Tcp;
        if (protocolText.Equals("TCP", StringComparison.OrdinalIgnoreCase))
        {
            protocol = TransportProtocol.Tcp;
        }
        else if (protocolText.Equals("UDP", StringComparison.OrdinalIgnoreCase))
        {
            protocol = TransportProtocol.Udp;
        }
        else
        {
            errors.Add(path + ".protocol", $"unknown protocol '{protocolText}'", "use TCP or UDP");
        }

        var roleText = reader.String("role", required: true) ?? "client";
        if (!Roles.TryGetValue(roleText, out var role))
        {
            errors.Add(path + ".role", $"unknown role '{roleText}'", Suggest.Fix(roleText, Roles.Keys, "roles"));
        }

        var feature = reader.String("feature");
        if (feature is not null && features.All(f => f.Name != feature))
        {
            errors.Add(path + ".feature", $"unknown feature '{feature}'", Suggest.Fix(feature, features.Select(f => f.Name), "features"));
        }

        if (role == PortRole.Optional && feature is null)
        {
            errors.Add(path + ".feature", "an optional port needs the feature that switches it on", "add \"feature\": \"<name>\" naming one of the catalog's features");
        }

        Version? deprecatedIn = null;
        if (reader.String("deprecatedIn") is { } deprecatedText)
        {
            if (!ProductVersion.TryParse(deprecatedText, out deprecatedIn))
            {
                errors.Add(path + ".deprecatedIn", $"'{deprecatedText}' is not a version", "write it as major.minor.patch, such as \"5.1.0\"");
            }
        }

        var configurable = reader.Bool("configurable") ?? false;
        // Only a list written empty: one emptied by an invalid port already has its error.
        if (ports.Count == 0 && !configurable && reader.Raw("ports") is { ValueKind: JsonValueKind.Array } written && written.GetArrayLength() == 0)
        {
            errors.Add(path + ".ports", "a port list may be empty only for a configurable port", "list the default port, or set \"configurable\": true so profiles give the number");
        }

        var displayName = reader.String("displayName", required: true) ?? string.Empty;
        var reaches = new List<Reach>();
        foreach (var reach in reader.ObjectArray("reachedBy", ReachFields, "a flow"))
        {
            var from = reach.String("from", required: true) ?? string.Empty;
            if (from.Length > 0 && !Audience.IsValid(from, roles))
            {
                var known = Audience.AddressSets.Append(Audience.Peers).Concat(roles.Select(r => Audience.PeerRolePrefix + r.Name));
                errors.Add(reach.Path + ".from", $"unknown audience '{from}'", Suggest.Fix(from, known, "audiences"));
            }

            var when = ReachCondition.Always;
            if (reach.Object("when", WhenFields, "a condition") is { } whenReader)
            {
                Topology? topology = null;
                if (whenReader.String("topology") is { } topologyText)
                {
                    topology = topologyText switch
                    {
                        "single" => Topology.Single,
                        "cluster" => Topology.Cluster,
                        _ => null,
                    };
                    if (topology is null)
                    {
                        errors.Add(whenReader.Path + ".topology", $"unknown topology '{topologyText}'", "use \"single\" or \"cluster\"");
                    }
                }

                var whenFeature = whenReader.String("feature");
                var whenFeatureOff = whenReader.String("featureOff");
                foreach (var (name, field) in new[] { (whenFeature, "feature"), (whenFeatureOff, "featureOff") })
                {
                    if (name is not null && features.All(f => f.Name != name))
                    {
                        errors.Add($"{whenReader.Path}.{field}", $"unknown feature '{name}'", Suggest.Fix(name, features.Select(f => f.Name), "features"));
                    }
                }

                when = new ReachCondition(topology, whenFeature, whenFeatureOff);
            }

            reaches.Add(new Reach(from, reach.String("flow", required: true) ?? string.Empty, when));
        }

        if (role == PortRole.LocalIpc && reaches.Count > 0)
        {
            errors.Add(path + ".reachedBy", "a local-IPC port is never reached from the network", "remove reachedBy, or give the port another role");
        }

        VendorRow? vendor = null;
        if (reader.Object("vendor", VendorFields, "the vendor's row") is { } v)
        {
            vendor = new VendorRow(
                v.String("port", required: true) ?? string.Empty,
                v.String("required", required: true) ?? string.Empty,
                v.String("description", required: true) ?? string.Empty,
                v.String("owner", required: true) ?? string.Empty,
                v.String("toDisable") ?? string.Empty);
        }

        var origin = reader.String("origin") ?? "vendor-table";
        if (origin is not ("vendor-table" or "outside-vendor-table"))
        {
            errors.Add(path + ".origin", $"unknown origin '{origin}'", "use \"vendor-table\" or \"outside-vendor-table\"");
        }

        if (origin == "vendor-table" && vendor is null)
        {
            errors.Add(path + ".vendor", "an entry from the vendor table must keep the vendor's row", "add \"vendor\": { port, required, description, owner, toDisable }, or set \"origin\": \"outside-vendor-table\"");
        }

        // Everything that ends up in a rule's name or description; Windows rejects '|' in both.
        var ruleTexts = new List<(string Text, string Path)> { (displayName, "displayName"), (reader.String("note") ?? string.Empty, "note") };
        ruleTexts.AddRange(reaches.Select((r, i) => (r.Flow, $"reachedBy[{i}].flow")));
        if (vendor is not null)
        {
            ruleTexts.Add((vendor.Description, "vendor.description"));
            ruleTexts.Add((vendor.Owner, "vendor.owner"));
        }

        foreach (var (text, field) in ruleTexts)
        {
            if (text.Contains('|', StringComparison.Ordinal))
            {
                errors.Add($"{path}.{field}", "contains '|', which Windows Firewall rejects in rule names and descriptions", "remove the '|' character");
            }
        }

        return new CatalogEntry(
            id,
            ports,
            protocol,
            reader.String("component", required: true) ?? string.Empty,
            reader.Bool("required") ?? false,
            role,
            displayName,
            feature,
            deprecatedIn,
            configurable,
            reaches,
            reader.String("note"),
            reader.Bool("unconfirmed") ?? false,
            origin == "vendor-table",
            vendor);
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
                        string.Create(CultureInfo.InvariantCulture, $"port {port}/{entry.Protocol.ToString().ToUpperInvariant()} is listed as '{RoleName(entry.Role)}' here and as '{RoleName(other.Role)}' in entry '{other.Id}'"),
                        "give both entries of the port the same role");
                }
            }
        }
    }

    public static string RoleName(PortRole role) => Roles.First(r => r.Value == role).Key;
}
