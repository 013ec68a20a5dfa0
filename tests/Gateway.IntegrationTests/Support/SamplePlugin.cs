using System.Diagnostics;

namespace SmartVillage.Gateway.IntegrationTests.Support;

/// <summary>
/// Builds the sample plugin (samples/SensorPlugins/LeafWetness) from source with <c>dotnet publish</c>, the way its
/// guide tells a plugin author to, into a folder the test chooses.
/// </summary>
public static class SamplePlugin
{
    public const string Name = "LeafWetness";

    /// <summary>Publishes the plugin into <paramref name="output"/> (created); fails the test with the build's output.</summary>
    public static async Task PublishAsync(string output)
    {
        var project = Path.Combine(SourceTree.Root, "samples", "SensorPlugins", Name, Name + ".csproj");
        // The contract project was built with these tests (same configuration); rebuilding it here would race with
        // other builds on a shared machine for nothing. No build servers: nothing may outlive the test.
        var start = new ProcessStartInfo("dotnet",
            ["publish", project, "-c", SourceTree.Configuration, "-o", output, "-p:BuildProjectReferences=false", "--disable-build-servers", "-nologo"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // A busy 2-core machine can take minutes for a restore and a compile.
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"dotnet publish {project} failed ({process.ExitCode}):{Environment.NewLine}{await stdout}{await stderr}");
        }
    }
}
