using System.Text;
using FirewallKit.Core.Apply;
using FirewallKit.Core.Plan;
using FirewallKit.Core.Validation;
using FirewallKit.Tests.Apply;
using FirewallKit.Tests.Support;

namespace FirewallKit.Tests.Validation;

/// <summary>The JSON edge every reader goes through: encodings, one document per file, strings that are text, and the size limit.</summary>
public class JsonInputTests
{
    [TestCase("""{ "name": "\ud800" }""", "$.name", TestName = "Lone_high_surrogate_in_a_value")]
    [TestCase("""{ "name": "x\udc00y" }""", "$.name", TestName = "Lone_low_surrogate_in_a_value")]
    [TestCase("""{ "peers": [ { "addresses": [ "10.0.0.1", "\ud83d" ] } ] }""", "$.peers[0].addresses[1]", TestName = "Lone_surrogate_deep_in_an_array")]
    [TestCase("""{ "features": { "pdg\ud800": true } }""", "$.features", TestName = "Lone_surrogate_in_a_field_name")]
    [TestCase("""[ "\udfff\ud800" ]""", "$[0]", TestName = "Surrogates_in_the_wrong_order")]
    [TestCase("""{ "a": "\\u0041", "name": "\uDBFF" }""", "$.name", TestName = "Lone_surrogate_escape_in_capitals_after_an_escaped_backslash")]
    public void A_lone_surrogate_escape_is_invalid_input_naming_its_path(string json, string path)
    {
        var ex = Assert.Throws<InputException>(() => Parse(json))!;

        Assert.That(ex.Errors, Has.Count.EqualTo(1));
        Assert.That(ex.Errors[0].Path, Is.EqualTo(path));
        Assert.That(ex.Errors[0].Message, Does.Contain("lone surrogate"));
    }

    [Test]
    public void A_surrogate_pair_escape_is_one_character_and_accepted()
    {
        using var document = Parse("""{ "name": "printer \ud83d\udda8" }""");

        Assert.That(document.RootElement.GetProperty("name").GetString(), Is.EqualTo("printer \U0001F5A8"));
    }

    [Test]
    public void A_raw_encoded_surrogate_is_not_UTF8()
    {
        // ED A0 80 is U+D800 encoded as if it were a character (CESU-8); UTF-8 forbids it.
        byte[] json = [.. "{ \"name\": \""u8, 0xED, 0xA0, 0x80, .. "\" }"u8];

        var ex = Assert.Throws<InputException>(() => JsonInput.Parse("p.json", json))!;

        Assert.That(ex.Errors.Select(e => e.Message), Is.EqualTo(new[] { "the file is not valid UTF-8 text" }));
    }

    [TestCase("{ \"name\": \"a\" } x", "line 1, column 17", TestName = "Text_after_the_document")]
    [TestCase("{ \"name\": \"a\" }\n{ \"name\": \"b\" }\n", "line 2, column 1", TestName = "A_second_document")]
    [TestCase("{ \"name\": \"a\" }\n]", "line 2, column 1", TestName = "A_stray_bracket")]
    public void Anything_after_the_JSON_document_is_refused(string json, string position)
    {
        var ex = Assert.Throws<InputException>(() => Parse(json))!;

        Assert.That(ex.Errors.Select(e => e.Path), Is.EqualTo(new[] { position }));
        Assert.That(ex.Errors[0].Message, Does.StartWith("the file is not valid JSON").And.Contain("after a single JSON value"));
    }

    [Test]
    public void Whitespace_and_comments_after_the_document_are_allowed()
    {
        using var document = Parse("{ \"name\": \"a\" }\n  // the end\n/* really */\r\n");

        Assert.That(document.RootElement.GetProperty("name").GetString(), Is.EqualTo("a"));
    }

    [TestCase(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x7B, 0x00, 0x00, 0x00 }, "the file is UTF-32 encoded", TestName = "UTF32_little_endian")]
    [TestCase(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x7B }, "the file is UTF-32 encoded", TestName = "UTF32_big_endian")]
    [TestCase(new byte[] { 0xFF, 0xFE, 0x7B, 0x00 }, "the file is UTF-16 encoded", TestName = "UTF16_little_endian")]
    [TestCase(new byte[] { 0xFE, 0xFF, 0x00, 0x7B }, "the file is UTF-16 encoded", TestName = "UTF16_big_endian")]
    public void The_encoding_named_is_the_one_the_byte_order_mark_says(byte[] bytes, string message)
    {
        var ex = Assert.Throws<InputException>(() => JsonInput.Parse("p.json", bytes))!;

        Assert.That(ex.Errors.Select(e => e.Message), Is.EqualTo(new[] { message }));
    }

    [Test]
    public void A_directory_is_reported_as_a_directory()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);

        var ex = Assert.Throws<InputException>(() => JsonInput.Read(folder.Path))!;

        Assert.That(ex.Errors.Select(e => (e.File, e.Path, e.Message)), Is.EqualTo(new[] { (folder.Path, "$", "the path is a directory, not a file") }));
    }

    [Test]
    public void A_file_over_the_limit_is_refused_naming_its_size_and_the_limit()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var path = Path.Combine(folder.Path, "huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(JsonInput.MaxBytes + 1); // sparse: nothing is written, and nothing may be read
        }

        var ex = Assert.Throws<InputException>(() => JsonInput.Read(path))!;

        Assert.That(ex.Errors.Select(e => e.Message), Is.EqualTo(new[] { "the file is 67,108,865 bytes, over the 67,108,864-byte (64 MiB) limit" }));
    }

    [Test]
    public void The_plan_and_backup_of_a_profile_with_5000_addresses_are_read_back()
    {
        var plan = LargePlan.Plan;
        using var folder = new TempDirectory();
        Directory.CreateDirectory(folder.Path);
        var planPath = Path.Combine(folder.Path, "plan.json");
        File.WriteAllText(planPath, LargePlan.Json, new UTF8Encoding(false));
        var backupPath = RuleBackupFile.Write(folder.Path, new RuleBackup(new RuleOwnership("PrinterOn Firewall (fwkit)", "fwkit-printeron"), DateTimeOffset.UnixEpoch, "apply", plan.Rules));

        var rules = PlanContract.RuleReader.Load(planPath);
        var backup = RuleBackupFile.Reader("fwkit-printeron").Load(backupPath);

        Assert.That(new FileInfo(planPath).Length, Is.GreaterThan(1_500_000), "the plan must be well over the old 1 MiB limit for this test to mean anything");
        Assert.That(new FileInfo(backupPath).Length, Is.GreaterThan(1024 * 1024));
        Assert.That(PlanHash.Of(rules), Is.EqualTo(plan.Hash));
        Assert.That(PlanHash.Of(backup.Rules), Is.EqualTo(plan.Hash));
    }

    private static System.Text.Json.JsonDocument Parse(string json) => JsonInput.Parse("p.json", Encoding.UTF8.GetBytes(json));
}
