using System.Text.Json;
using SmartVillage.Gateway.Calibration;
using SmartVillage.Gateway.Hosting;
using SmartVillage.Plugins.Calibration;

namespace SmartVillage.Gateway.Tests.Hosting;

/// <summary>The generated JSON metadata writes what the dashboard reads (reflection-based JSON is off in the gateway).</summary>
public sealed class GatewayJsonTests
{
    [Fact]
    public void A_refused_calibration_result_carries_its_reason_code_message_and_values()
    {
        var refusal = CalibrationRefusal.Of("slope", "slope 70.0 % of Nernst is outside 85-105 %", ("slope", "70.0"), ("min", "85"));
        var json = JsonSerializer.Serialize(new CalibrationResultView(false, refusal, null), GatewayHttpJson.Default.CalibrationResultView);

        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("refusal");
        Assert.Equal("slope", written.GetProperty("code").GetString());
        Assert.Equal("slope 70.0 % of Nernst is outside 85-105 %", written.GetProperty("message").GetString());
        Assert.Equal("70.0", written.GetProperty("values").GetProperty("slope").GetString());
    }
}
