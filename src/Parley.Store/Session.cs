using System.Data.Common;

namespace Parley.Store;

/// <summary>A connection and, while one is open, its transaction: every command of a store runs through it.</summary>
internal readonly record struct Session(DbConnection Connection, DbTransaction? Transaction)
{
    public DbCommand Command(string sql, params ReadOnlySpan<SqlArg> args)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = Transaction;
        foreach (var arg in args)
        {
            arg.AddTo(command);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params SqlArg[] args)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params SqlArg[] args)
    {
        await using var command = Command(sql, args);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
