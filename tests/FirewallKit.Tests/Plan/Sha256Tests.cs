using System.Security.Cryptography;
using FirewallKit.Core.Plan;

namespace FirewallKit.Tests.Plan;

public class Sha256Tests
{
    [Test]
    public void Digest_equals_the_platform_SHA256_for_every_length_around_the_block_and_padding_edges()
    {
        var data = Enumerable.Range(0, 300).Select(i => (byte)(i * 31 + 7)).ToArray();
        for (var length = 0; length <= data.Length; length++)
        {
            var hash = new Sha256();
            hash.Append(data.AsSpan(0, length));

            Assert.That(hash.Finish(), Is.EqualTo(SHA256.HashData(data.AsSpan(0, length))), $"length {length}");
        }
    }

    [Test]
    public void Digest_does_not_depend_on_how_the_input_is_split()
    {
        var data = Enumerable.Range(0, 5000).Select(i => (byte)(i ^ (i >> 8))).ToArray();
        var random = new Random(11);
        for (var trial = 0; trial < 50; trial++)
        {
            var hash = new Sha256();
            for (var at = 0; at < data.Length;)
            {
                var piece = Math.Min(random.Next(0, 150), data.Length - at);
                hash.Append(data.AsSpan(at, piece));
                at += piece;
            }

            Assert.That(hash.Finish(), Is.EqualTo(SHA256.HashData(data)), $"trial {trial}");
        }
    }
}
