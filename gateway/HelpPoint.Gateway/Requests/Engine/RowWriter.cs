using System.Data.Common;
using System.Text;
using HelpPoint.Gateway.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace HelpPoint.Gateway.Requests.Engine;

/// <summary>
/// Writes the event log's rows with plain multi-row statements, bypassing the change tracker (which cost more CPU per
/// row than the write itself). Table names, column names and value conversions come from the EF model, so the rows are
/// exactly what EF would have written, on SQLite and PostgreSQL alike.
/// </summary>
internal sealed class RowWriter
{
    private const int MaxParameters = 30_000;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IModel _model;
    private readonly StatementCounter _counter;

    public RowWriter(HelpPointDb db, StatementCounter counter)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("begin a transaction first");
        _model = db.Model;
        _counter = counter;
    }

    /// <summary>Inserts <paramref name="rows"/> in as few statements as the parameter limit allows.</summary>
    public async Task InsertAsync<T>(IReadOnlyList<T> rows)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Table.Of<T>(_model);
        var perStatement = Math.Max(1, MaxParameters / table.Inserted.Length);
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = NewCommand();
            var sql = new StringBuilder(table.InsertPrefix);
            var end = Math.Min(rows.Count, start + perStatement);
            for (var i = start; i < end; i++)
            {
                sql.Append(i == start ? "(" : ",(");
                for (var c = 0; c < table.Inserted.Length; c++)
                {
                    sql.Append(c == 0 ? "" : ",").Append(Bind(command, table.Inserted[c], rows[i]));
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            _counter.CountRaw(command);
            await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Updates <paramref name="rows"/> by key; with <paramref name="fence"/> (property name and expected value per row) a
    /// row is written only if it still has that value, and any row not written fails the whole transaction.
    /// </summary>
    public async Task UpdateAsync<T>(IReadOnlyList<T> rows, string? fence = null, IReadOnlyList<object>? expected = null)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Table.Of<T>(_model);
        var fenceColumn = fence is null ? null : table.All.Single(c => c.Property.Name == fence);
        if (_connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await UpdateOneByOneAsync(table, rows, fenceColumn, expected).ConfigureAwait(false);
            return;
        }

        var perStatement = Math.Max(1, MaxParameters / (table.All.Length + 1));
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = NewCommand();
            var sql = new StringBuilder();
            var end = Math.Min(rows.Count, start + perStatement);
            for (var i = start; i < end; i++)
            {
                AppendUpdate(sql, command, table, rows[i], fenceColumn, expected?[i]);
                sql.Append(";\n");
            }

            command.CommandText = sql.ToString();
            _counter.CountRaw(command);
            var written = await command.ExecuteNonQueryAsync().ConfigureAwait(false);
            if (written != end - start)
            {
                throw new DbUpdateConcurrencyException($"{table.Name}: {end - start - written} of {end - start} rows were changed by another writer");
            }
        }
    }

    /// <summary>
    /// SQLite binds every parameter of a command to every statement in it, so a command of n updates costs n² bindings; one
    /// prepared single-row update run once per row costs n, and SQLite parses it once.
    /// </summary>
    private async Task UpdateOneByOneAsync<T>(Table table, IReadOnlyList<T> rows, Column? fenceColumn, IReadOnlyList<object>? expected)
        where T : class
    {
        await using var command = NewCommand();
        var written = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            command.Parameters.Clear();
            var sql = new StringBuilder();
            AppendUpdate(sql, command, table, rows[i], fenceColumn, expected?[i]);
            if (i == 0)
            {
                command.CommandText = sql.ToString();
            }

            _counter.CountRaw(command);
            written += await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (written != rows.Count)
        {
            throw new DbUpdateConcurrencyException($"{table.Name}: {rows.Count - written} of {rows.Count} rows were changed by another writer");
        }
    }

    private static void AppendUpdate(StringBuilder sql, DbCommand command, Table table, object row, Column? fenceColumn, object? expected)
    {
        sql.Append("UPDATE ").Append(table.Name).Append(" SET ");
        var first = true;
        foreach (var c in table.All)
        {
            if (!c.IsKey)
            {
                sql.Append(first ? "" : ", ").Append(c.Name).Append(" = ").Append(Bind(command, c, row));
                first = false;
            }
        }

        sql.Append(" WHERE ");
        first = true;
        foreach (var c in table.All)
        {
            if (c.IsKey)
            {
                sql.Append(first ? "" : " AND ").Append(c.Name).Append(" = ").Append(Bind(command, c, row));
                first = false;
            }
        }

        if (fenceColumn is not null)
        {
            sql.Append(" AND ").Append(fenceColumn.Name).Append(" = ").Append(BindValue(command, fenceColumn, expected));
        }
    }

    private DbCommand NewCommand()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        return command;
    }

    private static string Bind(DbCommand command, Column column, object row) => BindValue(command, column, column.Property.GetGetter().GetClrValue(row));

    private static string BindValue(DbCommand command, Column column, object? value)
    {
        var name = "@p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.Add(column.Mapping.CreateParameter(command, name, value, column.Property.IsNullable));
        return name;
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, bool IsKey, bool Generated);

    private sealed record Table(string Name, Column[] All, Column[] Inserted, string InsertPrefix)
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel, Type), Table> Cache = new();

        public static Table Of<T>(IModel model) => Cache.GetOrAdd((model, typeof(T)), key =>
        {
            var entity = key.Item1.FindEntityType(key.Item2) ?? throw new InvalidOperationException($"{key.Item2.Name} is not mapped");
            var tableName = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
            var columns = entity.GetProperties()
                .Select(p => new Column(
                    p,
                    Quote(p.GetColumnName(store)!),
                    (RelationalTypeMapping)p.GetTypeMapping(),
                    p.IsPrimaryKey(),
                    p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
                .ToArray();
            var inserted = columns.Where(c => !c.Generated).ToArray();
            var prefix = $"INSERT INTO {Quote(tableName)} ({string.Join(", ", inserted.Select(c => c.Name))}) VALUES ";
            return new Table(Quote(tableName), columns, inserted, prefix);
        });

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
