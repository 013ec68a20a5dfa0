using System.Diagnostics;
using System.Net;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// The Native AOT build (publish-profiles/linux-x64-aot.pubxml, the same code as the Pi's linux-arm64-aot) is
/// published by the test and run for real: no reflection-based JSON or configuration binding can hide in it, since
/// an AOT binary fails at run time where the JIT build would have worked.
/// </summary>
public sealed class NativeAotTests(NativeAotBuild build) : IClassFixture<NativeAotBuild>, IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task The_native_gateway_reads_stores_forwards_and_serves_the_dashboard()
    {
        await using var broker = await MosquittoBroker.StartAsync(_folder.Path);
        await using var consumer = await SenmlSubscriber.StartAsync(broker.Port);
        var kit = KitFiles.WriteFastWeatherKit(_folder.Path, broker.Port);
        await using var gateway = GatewayProcess.StartExecutable(await build.ExecutableAsync(), kit, _folder.File("readings.db"),
            new Dictionary<string, string> { ["Gateway__Id"] = "gw-aot" });

        await Eventually.HoldsAsync(async () => await gateway.AckedSequenceAsync() >= 60, "the broker acknowledged 60 readings", s_patience);
        var acked = await gateway.AckedSequenceAsync();
        await Eventually.HoldsAsync(() => consumer.Missing(acked).Count == 0, $"the consumer holds readings 1-{acked}", s_patience);
        Assert.Contains(consumer.Records.Values, r => r.Name == "gw-aot:weather-a/temperature" && r.Unit == "Cel");

        var status = (await gateway.StatusAsync())!.Value;
        Assert.Equal("Ok", status.GetProperty("sensors")[0].GetProperty("health").GetString());
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        Assert.Contains("\"tiles\":[{", await http.GetStringAsync("/api/now"), StringComparison.Ordinal);
        Assert.Contains("\"buckets\":[", await http.GetStringAsync("/api/history?sensor=weather-a&quantity=temperature&range=day"), StringComparison.Ordinal);
        Assert.Contains("weather-a,temperature", await http.GetStringAsync("/api/export.csv"), StringComparison.Ordinal);
        Assert.Contains("\"setupNeeded\":true", await http.GetStringAsync("/api/admin/state"), StringComparison.Ordinal);
        Assert.Contains("<html", await http.GetStringAsync("/"), StringComparison.Ordinal);
        using var problem = await http.GetAsync("/api/history?sensor=weather-a");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Contains("sensor and quantity are required", await problem.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.DoesNotContain("fail:", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_native_gateway_refuses_a_broken_kit_naming_each_key()
    {
        var kit = KitFiles.Write(_folder.Path, "bad.json", """
            {
              "Name": "bad kit",
              "Hardware": "Simulated",
              "Sensors": [
                { "Id": "weather", "Type": "bme280", "Bus": 1, "Address": "0x99" },
                { "Id": "other", "Type": "bme280", "Bus": 1, "Address": "0xZZ" }
              ]
            }
            """);
        await using var gateway = GatewayProcess.StartExecutable(await build.ExecutableAsync(), kit, _folder.File("readings.db"));

        Assert.Equal(2, await gateway.WaitForExitAsync(s_patience));
        Assert.Contains("Kit:Sensors:1:Address", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Kit:Sensors:0", gateway.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>Publishes the Native AOT gateway once for the test class (a few minutes on a busy 2-core machine).</summary>
public sealed class NativeAotBuild : IDisposable
{
    private readonly TempFolder _output = new();
    private readonly Lazy<Task<string>> _executable;

    public NativeAotBuild() => _executable = new(PublishAsync);

    public Task<string> ExecutableAsync() => _executable.Value;

    private async Task<string> PublishAsync()
    {
        var root = GatewayProcess.RepositoryRoot();
        var start = new ProcessStartInfo("dotnet",
        [
            "publish", Path.Combine(root, "src", "Gateway", "Gateway.csproj"),
            $"-p:PublishProfileFullPath={Path.Combine(root, "publish-profiles", "linux-x64-aot.pubxml")}",
            $"-p:PublishDir={_output.Path}/",
            "-nologo",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(20));
        var executable = Path.Combine(_output.Path, "SmartVillage.Gateway");
        return publish.ExitCode == 0 && File.Exists(executable)
            ? executable
            : throw new InvalidOperationException($"the Native AOT publish failed ({publish.ExitCode}):\n{await output}\n{await errors}");
    }

    public void Dispose() => _output.Dispose();
}
