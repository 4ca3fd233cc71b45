using System.Buffers;
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
    private sealed class Hasher : IDisposable
    {
        private const int BufferSize = 64 * 1024;

        private readonly Sha256 _hash = new();
        private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        private int _used;

        public Hasher Add(string text)
        {
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length - _used)
            {
                Flush();
                if (Encoding.UTF8.GetMaxByteCount(text.Length) > _buffer.Length)
                {
                    _hash.Append(Encoding.UTF8.GetBytes(text));
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
            Flush();
            return _hash.Finish();
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }

        private void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _used));
            _used = 0;
        }
    }
}
