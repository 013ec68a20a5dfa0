using System.Text.Json;
using System.Text.RegularExpressions;
using SmartVillage.Gateway.Dashboard;

namespace SmartVillage.Gateway.Tests.Dashboard;

/// <summary>The translation files as shipped (embedded in the gateway), checked against English.</summary>
public sealed partial class TranslationTests
{
    public static TheoryData<string> Languages => new() { "fr", "es", "pt", "sw", "hi", "ar" };

    private static readonly DashboardAssets Assets = DashboardAssets.Load();

    [Fact]
    public void Every_supported_language_ships_a_translation_file()
    {
        string[] expected = ["ar", "en", "es", "fr", "hi", "pt", "sw"];

        var shipped = Assets.Paths.Where(p => p.StartsWith("i18n/", StringComparison.Ordinal))
            .Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal);

        Assert.Equal(expected, shipped);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_language_has_every_key_that_English_has(string language)
    {
        var missing = Keys("en").Keys.Except(Keys(language).Keys).ToList();

        Assert.True(missing.Count == 0, $"{language}.json lacks: {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_language_has_no_key_that_English_lacks(string language)
    {
        var extra = Keys(language).Keys.Except(Keys("en").Keys).ToList();

        Assert.True(extra.Count == 0, $"{language}.json has keys English does not: {string.Join(", ", extra)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void A_translation_keeps_the_placeholders_of_the_English_text(string language)
    {
        var english = Keys("en");
        var wrong = Keys(language)
            .Where(pair => !Placeholders(pair.Value).SetEquals(Placeholders(english[pair.Key])))
            .Select(pair => pair.Key).ToList();

        Assert.True(wrong.Count == 0, $"{language}.json changes placeholders in: {string.Join(", ", wrong)}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_translation_is_left_empty(string language)
    {
        var empty = Keys(language).Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key).ToList();

        Assert.Empty(empty);
    }

    [Fact]
    public void Every_key_the_page_names_exists_in_English()
    {
        var page = System.Text.Encoding.UTF8.GetString(Assets.Bytes("index.html")!);
        var english = Keys("en");

        var missing = PageKey().Matches(page).Select(m => m.Groups[1].Value).Where(k => !english.ContainsKey(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_reason_and_context_key_in_the_default_thresholds_exists_in_English()
    {
        var english = Keys("en");
        var keys = DefaultThresholds.All.Values
            .SelectMany(t => new[] { t.LowReason, t.HighReason, t.Context, "kind." + t.Kind })
            .OfType<string>();

        Assert.All(keys, key => Assert.True(english.ContainsKey(key), key));
    }

    private static Dictionary<string, string> Keys(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Assets.Bytes($"i18n/{language}.json")
            ?? throw new InvalidOperationException($"i18n/{language}.json is not embedded"))!;

    private static HashSet<string> Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("data-i18n=\"([^\"]+)\"")]
    private static partial Regex PageKey();
}
