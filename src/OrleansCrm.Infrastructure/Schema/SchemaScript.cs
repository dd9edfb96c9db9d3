using System.Security.Cryptography;
using System.Text;

namespace OrleansCrm.Infrastructure.Schema;

/// <summary>One schema script of deploy/sql, shipped inside this assembly.</summary>
public sealed record SchemaScript(string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
}
