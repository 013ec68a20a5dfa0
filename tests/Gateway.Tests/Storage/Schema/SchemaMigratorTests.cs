using Microsoft.Data.Sqlite;
using SmartVillage.Gateway.Storage.Schema;
using SmartVillage.Gateway.Tests.Support;

namespace SmartVillage.Gateway.Tests.Storage.Schema;

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_database_from_before_the_step_record_is_brought_forward_over_a_missing_step_number()
    {
        using var connection = Open();
        // Schema 3 as an older gateway left it: the first three steps run, only user_version to say so.
        foreach (var step in Migrations.Steps.Where(s => s.Number <= 3))
        {
            Run(connection, step.Sql);
        }

        Run(connection, "PRAGMA user_version = 3");

        SchemaMigrator.Migrate(connection);

        Assert.Equal(string.Join(",", Migrations.Steps.Select(s => s.Number)), Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_steps'"));
        Assert.Equal((long)Migrations.Steps.Max(s => s.Number), Scalar(connection, "PRAGMA user_version"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM upstream_acked"));
    }

    [Fact]
    public void A_step_numbered_below_one_already_run_still_runs_once()
    {
        using var connection = Open();
        Migration[] before = [Step(1, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"), Step(5, "CREATE TABLE five (x)")];
        SchemaMigrator.Migrate(connection, before);

        SchemaMigrator.Migrate(connection, [.. before, Step(4, "CREATE TABLE four (x)")]);
        SchemaMigrator.Migrate(connection, [.. before, Step(4, "CREATE TABLE four (x)")]);

        Assert.Equal("1,4,5", Scalar(connection, "SELECT value FROM meta WHERE key = 'schema_steps'"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'four'"));
    }

    [Fact]
    public void A_database_with_a_step_this_gateway_does_not_know_is_refused_and_left_untouched()
    {
        using var connection = Open();
        Migration[] newer = [Step(1, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"), Step(4, "CREATE TABLE four (x)")];
        SchemaMigrator.Migrate(connection, newer);

        var error = Assert.Throws<InvalidOperationException>(() => SchemaMigrator.Migrate(connection, [newer[0], Step(5, "CREATE TABLE five (x)")]));

        Assert.Contains("schema step 4 is newer than this gateway understands", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'five'"));
    }

    private static Migration Step(int number, string sql) => new(number, sql);

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_folder.File("s.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _folder.Dispose();
}
