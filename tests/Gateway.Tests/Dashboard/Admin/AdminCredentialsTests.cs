using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Dashboard.Admin;

public sealed class AdminCredentialsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_new_gateway_has_no_password_and_a_setup_code()
    {
        var credentials = new AdminCredentials(_folder.File("admin.json"));

        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", credentials.SetupCode);
        Assert.False(credentials.Verify(""));
    }

    [Fact]
    public void Two_gateways_get_different_setup_codes()
    {
        Assert.NotEqual(new AdminCredentials(_folder.File("a.json")).SetupCode, new AdminCredentials(_folder.File("b.json")).SetupCode);
    }

    [Fact]
    public void The_setup_code_works_once()
    {
        var credentials = new AdminCredentials(_folder.File("admin.json"));
        var code = credentials.SetupCode!;

        Assert.True(credentials.TrySetUp(code, "first password"));
        Assert.False(credentials.TrySetUp(code, "second password"));
        Assert.True(credentials.Verify("first password"));
    }

    [Fact]
    public void A_wrong_setup_code_sets_nothing()
    {
        var credentials = new AdminCredentials(_folder.File("admin.json"));

        Assert.False(credentials.TrySetUp("AAAA-AAAA", "first password"));
        Assert.True(credentials.SetupNeeded);
    }

    [Fact]
    public void The_password_survives_a_restart_and_no_new_setup_code_is_made()
    {
        var path = _folder.File("admin.json");
        var first = new AdminCredentials(path);
        first.TrySetUp(first.SetupCode!, "first password");

        var restarted = new AdminCredentials(path);

        Assert.Equal((false, true), (restarted.SetupNeeded, restarted.Verify("first password")));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void The_password_file_is_readable_by_its_owner_only()
    {
        var path = _folder.File("admin.json");
        var credentials = new AdminCredentials(path);
        credentials.TrySetUp(credentials.SetupCode!, "first password");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.DoesNotContain("first password", File.ReadAllText(path), StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
