using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmartVillage.Gateway.IntegrationTests.Support;

namespace SmartVillage.Gateway.IntegrationTests;

/// <summary>
/// <c>SmartVillage.Gateway calibrate ...</c> as a technician runs it next to the running gateway: the test reads the
/// prompts, puts the simulated probe where it is told, and presses Enter.
/// </summary>
[Collection(CalibrationTests.Name)]
public sealed partial class CalibrationCommandLineTests(WaterKitGateway water)
{
    [Fact]
    public async Task The_command_calibrates_a_ph_probe_step_by_step_and_applies_the_result()
    {
        using var admin = await water.AdminAsync();
        await using var command = Technician.Start(water, "ph", "--sensor", "cli-ph", "--buffers", "4.01,7.00,10.01", "--note", "field visit 12", "--yes");

        var asked = await command.FollowPromptsAsync(admin, "cli-ph");
        var exit = await command.ExitCodeAsync();
        await WaterKitGateway.PlaceAsync(admin, "cli-ph", null);

        Assert.True(exit == 0, command.Output);
        Assert.Equal([7.00, 4.01, 10.01], asked);
        Assert.Matches(@"Result: acid side slope 9[78]\.\d %, offset [78]\.\d mV; alkaline side slope 9[78]\.\d %", command.Output);
        Assert.Matches("Applied: calibration cli-ph@\\d{8}T\\d{6}Z", command.Output);
        Assert.DoesNotContain(WaterKitGateway.Password, command.Output, StringComparison.Ordinal);
        var current = await Current(admin, "cli-ph");
        Assert.Equal("field visit 12", current.GetProperty("note").GetString());
    }

    [Fact]
    public async Task The_command_refuses_a_worn_probe_with_the_reason_and_changes_nothing()
    {
        using var admin = await water.AdminAsync();
        await using var command = Technician.Start(water, "ph", "--sensor", "cli-worn-ph", "--yes");

        await command.FollowPromptsAsync(admin, "cli-worn-ph");
        var exit = await command.ExitCodeAsync();
        await WaterKitGateway.PlaceAsync(admin, "cli-worn-ph", null);

        Assert.True(exit == 1, command.Output);
        Assert.Contains("Refused: acid slope 70.0 % of Nernst is outside 85-105 %", command.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", command.Output, StringComparison.Ordinal);
        var overview = await admin.GetFromJsonAsync<JsonElement>("api/calibration");
        var sensor = overview.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "cli-worn-ph");
        Assert.Equal(JsonValueKind.Null, sensor.GetProperty("session").ValueKind); // The command cancelled its session.
        Assert.Equal(JsonValueKind.Null, sensor.GetProperty("current").ValueKind);
    }

    [Fact]
    public async Task Wrong_arguments_exit_2_with_the_usage()
    {
        await using var command = Technician.Start(water, "ph", "--buffers", "4.01,seven");

        var exit = await command.ExitCodeAsync();

        Assert.Equal(2, exit);
        Assert.Contains("--buffers: 'seven' is not a number", command.Output, StringComparison.Ordinal);
        Assert.Contains("Usage: smartvillage calibrate ph --sensor ID", command.Output, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Current(HttpClient admin, string sensor)
    {
        var overview = await admin.GetFromJsonAsync<JsonElement>("api/calibration");
        return overview.GetProperty("sensors").EnumerateArray().Single(s => s.GetProperty("id").GetString() == sensor).GetProperty("current");
    }

    /// <summary>The command as its own process, password in the environment, prompts read from its output.</summary>
    private sealed partial class Technician : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private Technician(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public static Technician Start(WaterKitGateway water, params string[] arguments)
        {
            var start = new ProcessStartInfo("dotnet", [GatewayProcess.GatewayAssembly(), "calibrate", .. arguments, "--gateway", water.Gateway.BaseAddress.ToString()])
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["SMARTVILLAGE_ADMIN_PASSWORD"] = WaterKitGateway.Password;
            return new Technician(Process.Start(start)!);
        }

        /// <summary>Answers each "put it in the pH N buffer" by putting the probe there and pressing Enter, until the command ends.</summary>
        /// <returns>The buffers asked for, in order.</returns>
        public async Task<List<double>> FollowPromptsAsync(HttpClient admin, string sensor)
        {
            var asked = new List<double>();
            while (true)
            {
                var prompts = BufferPrompt().Matches(Output);
                if (prompts.Count > asked.Count)
                {
                    var buffer = double.Parse(prompts[asked.Count].Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                    await WaterKitGateway.PlaceAsync(admin, sensor, buffer);
                    asked.Add(buffer);
                    await _process.StandardInput.WriteLineAsync();
                    await _process.StandardInput.FlushAsync();
                    continue;
                }

                if (_process.HasExited)
                {
                    return asked;
                }

                Assert.True(asked.Count <= 3, "asked for more buffers than planned:\n" + Output);
                await Task.Delay(50);
            }
        }

        public async Task<int> ExitCodeAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            _process.WaitForExit(); // Let the output readers drain.
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }

        [GeneratedRegex(@"put it in the pH (\d+\.\d\d) buffer, then press Enter")]
        private static partial Regex BufferPrompt();
    }
}
