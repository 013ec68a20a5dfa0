using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartVillage.Gateway.Acquisition;
using SmartVillage.Gateway.Acquisition.LoRa;
using SmartVillage.Gateway.Acquisition.Nodes;
using SmartVillage.Gateway.Readings;
using SmartVillage.Gateway.Storage;
using SmartVillage.Plugins.Abstractions;

// 500 P2P nodes, each sending Cayenne LPP temperature + humidity + battery (the simulated field node's frame).
const int Nodes = 500;
const int FramesPerNode = 40;
var time = TimeProvider.System;
var nodes = Enumerable.Range(1, Nodes).Select(i => new NodeOptions { Id = $"node-{i}", Address = i }).ToList();
var frames = new List<byte[]>(Nodes * FramesPerNode);
for (var f = 0; f < FramesPerNode; f++)
{
    foreach (var node in nodes)
    {
        frames.Add(P2pFrame.Build(node.Address!.Value, f, [0x01, 0x67, 0x00, (byte)(200 + (f % 50)), 0x02, 0x68, 0x70, 0x03, 0x74, 0x01, 0x9A]));
    }
}

// 1. Decode only: P2P header, registry lookup, Cayenne LPP.
var registry = new NodeRegistry(nodes, time);
var decoded = new List<NodeFrame>(frames.Count);
var watch = Stopwatch.StartNew();
foreach (var bytes in frames)
{
    var frame = P2pFrame.TryParse(bytes, out _)!.Value;
    var node = registry.FindByAddress(frame.Address)!;
    var result = registry.DecoderFor(node.Id)!.Decode(frame.Payload.Span);
    decoded.Add(new NodeFrame(node.Id, "lora", result.Measurements, time.GetUtcNow(), false, new FrameCounter(frame.Counter, 16), -90, 7));
}

var decodeNs = watch.Elapsed.TotalNanoseconds / frames.Count;

// 2. Ingest: frame-counter check, readings, group commit into a real SQLite file (default storage options).
var folder = Directory.CreateTempSubdirectory("sv-bench-").FullName;
var storage = new StorageOptions();
var connections = new SqliteConnections(Path.Combine(folder, "bench.db"), storage.Synchronous);
var state = StoreOpener.Open(connections, "gw-bench", new BootIdentity("bench"), time);
var writer = new ReadingWriter(connections, Options.Create(storage), state, new CommitSignal(state), time, NullLogger<ReadingWriter>.Instance);
await writer.StartAsync(CancellationToken.None);
var ingestor = new NodeIngestor(new NodeRegistry(nodes, time), writer, Options.Create(new AcquisitionOptions()), time, NullLogger<NodeIngestor>.Instance);
using var limit = new InFlightLimit(256);
var pending = new List<Task<IngestOutcome>>(decoded.Count);
var before = GC.GetTotalAllocatedBytes(precise: true);
watch.Restart();
foreach (var frame in decoded)
{
    var done = new TaskCompletionSource<IngestOutcome>();
    pending.Add(done.Task);
    await limit.StartAsync(async () => done.SetResult(await ingestor.IngestAsync(frame, ReadingQuality.Good, CancellationToken.None)), CancellationToken.None);
}

var outcomes = await Task.WhenAll(pending);
var ingestElapsed = watch.Elapsed;
var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
await writer.StopAsync(CancellationToken.None);
writer.Dispose();

Console.WriteLine($"frames: {frames.Count} ({Nodes} nodes x {FramesPerNode}), readings: {writer.AcceptedSinceStart}, commits: {writer.CommitsSinceStart}");
Console.WriteLine($"decode (P2P header + registry + Cayenne LPP): {decodeNs:0} ns/frame");
Console.WriteLine($"ingest (counter check + group commit, {storage.Synchronous}): {ingestElapsed.TotalMicroseconds / frames.Count:0.0} us/frame, " +
                  $"{frames.Count / ingestElapsed.TotalSeconds:0} frames/s, {allocated / frames.Count} B allocated/frame");
Console.WriteLine($"stored: {outcomes.Count(o => o == IngestOutcome.Stored)}, other: {outcomes.Count(o => o != IngestOutcome.Stored)}");
Console.WriteLine($"500 nodes at one frame a minute need {Nodes / 60.0:0.0} frames/s");
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
