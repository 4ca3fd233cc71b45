using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using FirewallKit.Core.Rules;

namespace FirewallKit.Core.Plan;

/// <summary>
/// A fingerprint of the rules alone (not of file paths or warnings), so two plans that write the
/// same firewall state have the same hash and a change ticket can quote it.
/// </summary>
public static class PlanHash
{
    public static string Of(IEnumerable<FirewallRule> rules)
    {
        // Fed piece by piece: a plan for thousands of peers would otherwise build megabytes of text just to hash it.
        using var hash = new Hasher();
        foreach (var rule in rules)
        {
            var stored = rule.ToStored();
            foreach (var field in RuleFields.Planned)
            {
                hash.AddJoined(field.HashTokens(stored)).Add("\n");
            }

            hash.Add("\n");
        }

        return "sha256:" + Convert.ToHexStringLower(hash.Finish());
    }

    /// <summary>
    /// SHA-256 over the UTF-8 bytes of the pieces, exactly as if they were concatenated first; the bytes
    /// are gathered in a buffer because each call into the hash costs far more than a short token.
    /// </summary>
    /// <remarks>
    /// A plan that fits the buffer (any plan of a few servers) is hashed by the managed <see cref="Sha256"/>, which
    /// starts at once; a larger one (thousands of peers, megabytes of addresses) by the platform's, which takes a few
    /// milliseconds to load and then hashes many times faster. Both give the same digest.
    /// </remarks>
    private sealed class Hasher : IDisposable
    {
        private const int BufferSize = 64 * 1024;

        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        private IncrementalHash? _large;
        private int _used;

        public Hasher Add(string text)
        {
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length - _used)
            {
                Flush();
                if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length)
                {
                    _large!.AppendData(Encoding.UTF8.GetBytes(text));
                    return this;
                }
            }

            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return this;
        }

        public Hasher AddJoined(IReadOnlyList<string> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (i > 0)
                {
                    Add(",");
                }

                Add(values[i]);
            }

            return this;
        }

        public byte[] Finish()
        {
            if (_large is null)
            {
                var small = new Sha256();
                small.Append(_buffer.AsSpan(0, _used));
                return small.Finish();
            }

            Flush();
            return _large.GetHashAndReset();
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _large?.Dispose();
        }

        /// <summary>Hands the buffer to the platform's hash: more is coming, so the plan is a large one.</summary>
        private void Flush()
        {
            _large ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _large.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
