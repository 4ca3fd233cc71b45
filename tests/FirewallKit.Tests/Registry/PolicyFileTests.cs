using FirewallKit.Core.Registry;
using FirewallKit.Core.Validation;

namespace FirewallKit.Tests.Registry;

public sealed class PolicyFileTests
{
    [Test]
    public void The_header_and_one_record_are_the_bytes_of_MS_GPREG()
    {
        var bytes = PolicyFile.Write([RegistryValue.DWord(@"A\B", "V", 1)]);

        byte[] expected =
        [
            (byte)'P', (byte)'R', (byte)'e', (byte)'g', 1, 0, 0, 0,
            (byte)'[', 0, (byte)'A', 0, (byte)'\\', 0, (byte)'B', 0, 0, 0,
            (byte)';', 0, (byte)'V', 0, 0, 0,
            (byte)';', 0, 4, 0, 0, 0,
            (byte)';', 0, 4, 0, 0, 0,
            (byte)';', 0, 1, 0, 0, 0,
            (byte)']', 0,
        ];
        Assert.That(bytes, Is.EqualTo(expected));
    }

    [Test]
    public void A_string_value_is_UTF_16LE_with_its_NUL_and_its_size_counts_the_NUL()
    {
        var bytes = PolicyFile.Write([RegistryValue.String("K", "N", "v2.0|")]);

        // [K\0;N\0;  type 1 ;  size 12 ;  data ]
        Assert.That(bytes[22..26], Is.EqualTo(new byte[] { 1, 0, 0, 0 }));
        Assert.That(bytes[28..32], Is.EqualTo(new byte[] { 12, 0, 0, 0 }));
        Assert.That(bytes[^14..^2], Is.EqualTo("v2.0|\0"u8.ToArray().SelectMany(b => new[] { b, (byte)0 }).ToArray()));
    }

    [Test]
    public void Records_written_and_read_back_are_the_same_records()
    {
        RegistryValue[] values =
        [
            RegistryValue.String(FirewallPolicyKeys.GroupPolicyRules, "fwkit-a", "v2.10|Action=Allow|Dir=In|Name=Ä → b|"),
            RegistryValue.DWord(FirewallPolicyKeys.GroupPolicy + @"\DomainProfile", "EnableFirewall", 1),
            RegistryValue.String("K", string.Empty, string.Empty),
        ];

        var read = PolicyFile.Read("fw.pol", PolicyFile.Write(values));

        Assert.That(read.Select(v => v with { Location = string.Empty }), Is.EqualTo(values));
        Assert.That(read[0].Text, Is.EqualTo("v2.10|Action=Allow|Dir=In|Name=Ä → b|"));
        Assert.That(read[1].Number, Is.EqualTo(1));
    }

    [Test]
    public void A_truncated_file_is_an_error_naming_the_offset_of_the_record()
    {
        var bytes = PolicyFile.Write([RegistryValue.String("K", "N", "text")]);

        var error = Assert.Throws<InputException>(() => PolicyFile.Read("fw.pol", bytes[..^6]))!.Errors[0];

        Assert.That(error.Path, Is.EqualTo("offset 8"));
        Assert.That(error.Fix, Does.Contain("registry-pol"));
    }

    [Test]
    public void Another_file_is_refused_at_offset_0()
    {
        Assert.That(() => PolicyFile.Read("fw.pol", "PReg\u0002\0\0\0"u8.ToArray()), Throws.TypeOf<InputException>().With.Message.Contains("PReg, version 1"));
    }
}
