import KwalkCore
import Testing

/// The `[]` field that stands for any element of a global array of function pointers.
@Suite struct ArrayElementFieldTests {
  @Test func describesAndParsesAsTheArray() {
    let element = StructField(structName: "sys_call_table", field: StructField.arrayElement)
    #expect(element.description == "sys_call_table[]")
    #expect(StructField(parsing: "sys_call_table[]") == element)
    #expect(StructField(parsing: "struct net_device_ops.ndo_start_xmit")?.description == "net_device_ops.ndo_start_xmit")
    #expect(StructField(parsing: "[]") == nil && StructField(parsing: "a.b[]") == nil)
  }
}
