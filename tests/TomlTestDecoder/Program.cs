using System.Text;
using Acteon.Silo.Configuration.Toml;
using Acteon.TomlTestDecoder;

// toml-test decoder protocol: TOML on stdin, tagged JSON on stdout, exit 1 for invalid input.
using var input = new MemoryStream();
using (var stdin = Console.OpenStandardInput())
{
    stdin.CopyTo(input);
}

try
{
    var text = TomlParser.Decode(input.ToArray(), "<stdin>");
    var json = TomlTaggedJson.Encode(TomlParser.Parse(text, "<stdin>"));
    using var stdout = Console.OpenStandardOutput();
    stdout.Write(Encoding.UTF8.GetBytes(json + "\n"));
    return 0;
}
catch (TomlException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
