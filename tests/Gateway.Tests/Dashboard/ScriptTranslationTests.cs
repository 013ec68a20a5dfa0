using System.Text.Json;
using System.Text.RegularExpressions;
using SmartVillage.Gateway.Dashboard;

namespace SmartVillage.Gateway.Tests.Dashboard;

/// <summary>Text the scripts build themselves (the settings view) comes from the translation files too.</summary>
public sealed partial class ScriptTranslationTests
{
    private static readonly DashboardAssets Assets = DashboardAssets.Load();

    [Theory]
    [InlineData("app.js")]
    [InlineData("settings.js")]
    [InlineData("settings-view.js")]
    public void Every_key_a_script_names_exists_in_English(string script)
    {
        var source = System.Text.Encoding.UTF8.GetString(Assets.Bytes(script)!);
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(Assets.Bytes("i18n/en.json")!)!;

        var keys = ScriptKey().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(english.ContainsKey(key), $"{script} names '{key}', which en.json lacks"));
    }

    [Fact]
    public void Every_change_the_admin_page_lists_has_a_translated_title()
    {
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(Assets.Bytes("i18n/en.json")!)!;
        string[] settings = ["threshold", "threshold-reset", "sensor", "sensor-reset", "name", "name-reset", "viewing", "viewing-reset", "password"];

        Assert.All(settings, s => Assert.True(english.ContainsKey("change." + s), "change." + s));
    }

    /// <summary><c>t('a.b')</c>, <c>t('a.b', {…})</c>, <c>'setAttribute('data-i18n', 'a.b')</c>: whole keys, not prefixes.</summary>
    [GeneratedRegex(@"(?:\bt\(|'data-i18n',\s*)'([a-z0-9][a-z0-9.-]*[a-z0-9])'[,)]")]
    private static partial Regex ScriptKey();
}
