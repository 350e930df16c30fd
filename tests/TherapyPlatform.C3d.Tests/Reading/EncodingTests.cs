using TherapyPlatform.C3d.Tests.Fixtures;

namespace TherapyPlatform.C3d.Tests.Reading;

public sealed class EncodingTests
{
    [Fact]
    public void Dec_and_mips_test_vectors_read_as_one_twelfth()
    {
        var dec = ScalarFile(C3dProcessor.Dec, [0xaa, 0x3e, 0xab, 0xaa]);
        var mips = ScalarFile(C3dProcessor.Mips, [0x3d, 0xaa, 0xaa, 0xab]);

        Assert.Equal(0.0833333, dec.Parameters.Find("TEST", "VALUE")!.GetSingle(), 7);
        Assert.Equal(dec.Parameters.Find("TEST", "VALUE")!.GetSingle(), mips.Parameters.Find("TEST", "VALUE")!.GetSingle());
    }

    [Fact]
    public void Dec_float_with_zero_exponent_is_zero()
    {
        var dec = ScalarFile(C3dProcessor.Dec, [0x00, 0x00, 0x34, 0x12]);

        Assert.Equal(0f, dec.Parameters.Find("TEST", "VALUE")!.GetSingle());
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(-0.0833333f)]
    [InlineData(1.5e-38f)]
    [InlineData(1.7e38f)]
    public void Dec_floats_round_trip_through_the_writer(float value)
    {
        var file = C3dFile.Read(new C3dWriter { Processor = C3dProcessor.Dec }.AddParameter("TEST", "VALUE", value).ToArray());

        Assert.Equal(value, file.Parameters.Find("TEST", "VALUE")!.GetSingle());
    }

    /// <summary>A file whose TEST:VALUE float holds the given four bytes.</summary>
    private static C3dFile ScalarFile(C3dProcessor processor, byte[] value)
    {
        var bytes = new C3dWriter { Processor = processor }.AddParameter("TEST", "VALUE", 0f).ToArray();
        var at = bytes.DataOffset("TEST", "VALUE");
        value.CopyTo(bytes, at);
        return C3dFile.Read(bytes);
    }
}
