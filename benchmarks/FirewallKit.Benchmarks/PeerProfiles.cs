using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FirewallKit.Core.Catalog;
using FirewallKit.Core.Profiles;

namespace FirewallKit.Benchmarks;

/// <summary>
/// The shipped cluster profile with its peers replaced by <c>n</c> generated ones, loaded through the
/// real profile loader. Peers are random IPv4 (two in three) and IPv6 addresses outside the client
/// networks; one in five sits right after the previous peer, so merging adjacent addresses matters.
/// </summary>
public static class PeerProfiles
{
    public static DeploymentProfile Cluster(PortCatalog catalog, int peers, int seed = 42)
    {
        return ProfileLoader.Reader(catalog).Parse($"cluster-{peers}-peers.json", Encoding.UTF8.GetBytes(ScaleInputs.ClusterProfile(peers, seed)));
    }

    public static IEnumerable<string> Addresses(int count, int seed)
    {
        var random = new Random(seed);
        var bytes4 = new byte[4];
        var bytes6 = new byte[16];
        byte[]? previous = null;
        for (var i = 0; i < count; i++)
        {
            if (previous is not null && random.Next(5) == 0)
            {
                Increment(previous);
                yield return new IPAddress(previous).ToString();
                continue;
            }

            if (random.Next(3) < 2)
            {
                // 172.16.0.0/12: outside the profile's clients (10.0.0.0/8).
                random.NextBytes(bytes4);
                bytes4[0] = 172;
                bytes4[1] = (byte)(16 + (bytes4[1] & 0x0F));
                previous = (byte[])bytes4.Clone();
            }
            else
            {
                // fd20::/16: outside the profile's clients (fd00::/16).
                random.NextBytes(bytes6);
                bytes6[0] = 0xfd;
                bytes6[1] = 0x20;
                previous = (byte[])bytes6.Clone();
            }

            yield return new IPAddress(previous).ToString();
        }
    }

    public static string ShippedProfile(string name) => Path.Combine(RepositoryRoot(), "profiles", name);

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FirewallKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }

    private static void Increment(byte[] address)
    {
        for (var i = address.Length - 1; i >= 0; i--)
        {
            if (++address[i] != 0)
            {
                return;
            }
        }
    }
}
