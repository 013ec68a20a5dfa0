using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SmartVillage.Gateway.Calibration;
using SmartVillage.Gateway.Calibration.CommandLine;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Hardware;
using SmartVillage.Gateway.Configuration.Overlay;
using SmartVillage.Gateway.Dashboard.Admin;
using SmartVillage.Gateway.Dashboard.Settings;
using SmartVillage.Gateway.Diagnostics;
using SmartVillage.Gateway.Storage;

namespace SmartVillage.Gateway.Hosting;

/// <summary>
/// Compile-time JSON metadata for everything the HTTP API reads and writes (web conventions: camelCase names, enums
/// as strings). Reflection-based JSON is switched off in every build (Gateway.csproj), so a type missing here fails
/// in the tests, not only in the Native AOT binary on a Pi.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(StatusReport))]
[JsonSerializable(typeof(NowSnapshot))]
[JsonSerializable(typeof(HistoryReport))]
[JsonSerializable(typeof(IReadOnlyList<SeriesInfo>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, QuantityThreshold>))]
[JsonSerializable(typeof(AdminState))]
[JsonSerializable(typeof(AntiForgeryReply))]
[JsonSerializable(typeof(SetupRequest))]
[JsonSerializable(typeof(LoginRequest))]
[JsonSerializable(typeof(PasswordChangeRequest))]
[JsonSerializable(typeof(StartCalibrationRequest))]
[JsonSerializable(typeof(RecordPointRequest))]
[JsonSerializable(typeof(CalibrationOverview))]
[JsonSerializable(typeof(IReadOnlyList<CalibrationRecordView>))]
[JsonSerializable(typeof(CalibrationSessionView))]
[JsonSerializable(typeof(ProblemAnswer))]
[JsonSerializable(typeof(SimulatedProbeRequest))]
[JsonSerializable(typeof(SimulatedProbeState))]
[JsonSerializable(typeof(ViewingState))]
[JsonSerializable(typeof(SettingsView))]
[JsonSerializable(typeof(AdminChange))]
internal sealed partial class GatewayHttpJson : JsonSerializerContext
{
    /// <summary>The metadata of <typeparamref name="T"/>, or an error naming the type that is missing here.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() =>
        Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T)} has no JSON metadata: add [JsonSerializable(typeof({typeof(T).Name}))] to GatewayHttpJson");
}

/// <summary>Compile-time JSON metadata for the gateway's own small files and MQTT documents (names as declared).</summary>
[JsonSerializable(typeof(AdminCredentials.Stored))]
[JsonSerializable(typeof(SettingsOverlay))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class GatewayFileJson : JsonSerializerContext;
