using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json.Serialization;
using SmartVillage.Gateway.Dashboard;
using SmartVillage.Gateway.Dashboard.Admin;
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
public sealed partial class GatewayHttpJson : JsonSerializerContext;

/// <summary>Compile-time JSON metadata for the gateway's own small files and MQTT documents (names as declared).</summary>
[JsonSerializable(typeof(AdminCredentials.Stored))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class GatewayFileJson : JsonSerializerContext;
