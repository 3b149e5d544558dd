using System.Data;
using System.Data.Common;

namespace Parley.Store;

/// <summary>A named, typed query parameter. The type is explicit so that a null still tells the server what it is.</summary>
internal readonly record struct SqlArg(string Name, object? Value, DbType Type)
{
    public static SqlArg Text(string name, string? value) => new(name, value, DbType.String);

    public static SqlArg Int(string name, int? value) => new(name, value, DbType.Int32);

    public static SqlArg Long(string name, long? value) => new(name, value, DbType.Int64);

    public static SqlArg Real(string name, double? value) => new(name, value, DbType.Double);

    public void AddTo(DbCommand command)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = Name;
        parameter.DbType = Type;
        parameter.Value = Value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
