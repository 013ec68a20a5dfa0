using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Dashboard.Admin;

public sealed class AdminChangeLogTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly AdminSessions _sessions = new(TimeProvider.System);

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_change_names_who_when_and_what_and_is_still_listed_after_a_restart()
    {
        var log = Log();
        var session = _sessions.Start();

        log.Record(From("192.168.4.23"), session, "threshold", "temperature", "watchBelow 2 → 3");

        var listed = Assert.Single(Log().Recent(10));
        Assert.Equal(("192.168.4.23", "threshold", "temperature", "watchBelow 2 → 3"), (listed.Client, listed.Setting, listed.Subject, listed.Detail));
        Assert.Equal(8, listed.Session.Length);
        Assert.DoesNotContain(session.Id[..8], listed.Session, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Id, File.ReadAllText(_folder.File(AdminChangeLog.FileName)), StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_folder.File(AdminChangeLog.FileName)));
    }

    [Fact]
    public void The_newest_change_comes_first_and_the_file_is_trimmed_to_the_newest_entries()
    {
        var log = Log();
        for (var i = 0; i < AdminChangeLog.Kept * 2 + 5; i++)
        {
            log.Record(From("10.0.0.1"), null, "name", null, $"change {i}");
        }

        var reopened = Log().Recent(int.MaxValue);
        Assert.Equal(AdminChangeLog.Kept, reopened.Count);
        Assert.Equal($"change {AdminChangeLog.Kept * 2 + 4}", reopened[0].Detail);
        Assert.True(File.ReadLines(_folder.File(AdminChangeLog.FileName)).Count() < AdminChangeLog.Kept * 2);
    }

    [Fact]
    public void A_line_cut_short_by_a_power_cut_is_skipped_and_the_rest_kept()
    {
        Log().Record(From("10.0.0.1"), null, "viewing", null, "open → login needed");
        File.AppendAllText(_folder.File(AdminChangeLog.FileName), "{\"at\":\"2026-");

        var kept = Log().Recent(10);

        Assert.Equal("open → login needed", Assert.Single(kept).Detail);
    }

    private AdminChangeLog Log() => new(_folder.File(AdminChangeLog.FileName), TimeProvider.System, NullLogger.Instance);

    private static DefaultHttpContext From(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    public void Dispose() => _folder.Dispose();
}
