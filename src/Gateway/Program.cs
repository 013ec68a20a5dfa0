using SmartVillage.Gateway.Calibration.CommandLine;
using SmartVillage.Gateway.Configuration;
using SmartVillage.Gateway.Hosting;

if (args is ["calibrate", .. var calibrate])
{
    // A client of the running gateway, which owns the sensor bus: no host of its own is started.
    return await CalibrateCommand.RunAsync(calibrate);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddGateway();
}
catch (KitConfigurationException exception)
{
    // Refuse to start, naming every key that is wrong; systemd shows this in the journal.
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}

var app = builder.Build();
app.UseGateway();
var crashes = app.WatchForCrashes();
await app.RunAsync();
return crashes.ExitCode;
