// Expected names were derived by hand from the v0 grammar and cross-checked against binutils
// `c++filt -i`; the symbols come from small programs built with rustc 1.95, with and without
// `-C symbol-mangling-version=v0`.
#include "demangle.h"

#include <gtest/gtest.h>

#include <string>

namespace wasmacro::engine {
namespace {

TEST(DemangleLegacy, DropsTheHash) {
  EXPECT_EQ(demangle_rust("_ZN1t4main17hc89f1824c9b61e1dE"), "t::main");
  EXPECT_EQ(demangle_rust("_ZN4core3ops8function6FnOnce9call_once17hbadfe326212e1622E"),
            "core::ops::function::FnOnce::call_once");
}

TEST(DemangleLegacy, DecodesEscapes) {
  EXPECT_EQ(demangle_rust("_ZN49_$LT$t..Circle$LT$f64$GT$$u20$as$u20$t..Shape$GT$4area17h85c922df13c5dbc9E"),
            "<t::Circle<f64> as t::Shape>::area");
  EXPECT_EQ(demangle_rust("_ZN42_$LT$$RF$T$u20$as$u20$core..fmt..Debug$GT$3fmt17h4455b544245b05bfE"),
            "<&T as core::fmt::Debug>::fmt");
  EXPECT_EQ(demangle_rust("_ZN3std2rt10lang_start28_$u7b$$u7b$closure$u7d$$u7d$17ha4cd5f503635a93eE"),
            "std::rt::lang_start::{{closure}}");
  EXPECT_EQ(demangle_rust("_ZN79_$LT$hashbrown..raw..RawTable$LT$T$C$A$GT$$u20$as$u20$core..ops..drop..Drop$GT$"
                          "4drop17h342a85e1628a54edE"),
            "<hashbrown::raw::RawTable<T,A> as core::ops::drop::Drop>::drop");
  EXPECT_EQ(demangle_rust("_ZN4core3ops8function6FnOnce40call_once$u7b$$u7b$vtable.shim$u7d$$u7d$17he6b467707158b87dE"),
            "core::ops::function::FnOnce::call_once{{vtable.shim}}");
}

TEST(DemangleLegacy, SuffixesAndPrefixes) {
  EXPECT_EQ(demangle_rust("_ZN9hashbrown3raw21RawTable$LT$T$C$A$GT$14reserve_rehash17heb34e579bb54c5a4E"
                          ".llvm.10978553192061733483"),
            "hashbrown::raw::RawTable<T,A>::reserve_rehash");
  EXPECT_EQ(demangle_rust("__ZN1t4main17hc89f1824c9b61e1dE"), "t::main");
  EXPECT_EQ(demangle_rust("_ZN1t4main17hc89f1824c9b61e1dE.0"), "t::main.0");
  // Without a hash the last element is kept.
  EXPECT_EQ(demangle_rust("_ZN3foo3barE"), "foo::bar");
}

TEST(DemangleV0, Paths) {
  EXPECT_EQ(demangle_rust("_RNvCsjMaewn57Afh_1t4main"), "t::main");
  EXPECT_EQ(demangle_rust("_RNvNtNtCsgEmfK2I1SDS_4core3str5count23char_count_general_case"),
            "core::str::count::char_count_general_case");
  EXPECT_EQ(demangle_rust("_RNCNvCsjMaewn57Afh_1t4mains_0B3_"), "t::main::{closure#1}");
  EXPECT_EQ(demangle_rust("_RNSNvYNCNvCsjMaewn57Afh_1t4main0INtNtNtCsgEmfK2I1SDS_4core3ops8function6FnOnceTReEE"
                          "9call_once6vtableB8_"),
            "<t::main::{closure#0} as core::ops::function::FnOnce<(&str,)>>::call_once::{shim:vtable#0}");
}

TEST(DemangleV0, Impls) {
  EXPECT_EQ(demangle_rust("_RNvXCsjMaewn57Afh_1tINtB2_6CircledENtB2_5Shape4area"),
            "<t::Circle<f64> as t::Shape>::area");
  EXPECT_EQ(demangle_rust("_RNvMs_CsjMaewn57Afh_1tINtB4_6CirclehE3getB4_"), "<t::Circle<u8>>::get");
  EXPECT_EQ(demangle_rust("_RNvXsk_NtCsgEmfK2I1SDS_4core3fmtcNtB5_7Display3fmt"), "<char as core::fmt::Display>::fmt");
  EXPECT_EQ(demangle_rust("_RNvXNtNtCs6O6TnIPaRGP_6object4read8read_refRShNtB2_7ReadRef19read_bytes_at_until"),
            "<&[u8] as object::read::read_ref::ReadRef>::read_bytes_at_until");
}

TEST(DemangleV0, GenericsAndConstants) {
  EXPECT_EQ(demangle_rust("_RINvCsjMaewn57Afh_1t3genKj3_EB2_"), "t::gen::<3>");
  EXPECT_EQ(demangle_rust("_RINvCsjMaewn57Afh_1t4flagKb1_Kc7a_Kln5_EB2_"), "t::flag::<true, 'z', -5>");
  EXPECT_EQ(demangle_rust("_RINvNtCsgEmfK2I1SDS_4core9panicking13assert_failedssECsjrHSEGnQ3l9_3std"),
            "core::panicking::assert_failed::<i16, i16>");
  EXPECT_EQ(demangle_rust("_RINvNtNtCsjrHSEGnQ3l9_3std3sys9backtrace28___rust_begin_short_backtraceFEuuE"
                          "CsjMaewn57Afh_1t"),
            "std::sys::backtrace::__rust_begin_short_backtrace::<fn(), ()>");
}

TEST(DemangleV0, Types) {
  EXPECT_EQ(demangle_rust("_RNvMs3_NtCslNYArtu3iFV_5alloc7raw_vecINtB5_6RawVecTOhFUKCBN_EuENtNtCsjrHSEGnQ3l9_3std5alloc"
                          "6SystemE8grow_oneB13_"),
            "<alloc::raw_vec::RawVec<(*mut u8, unsafe extern \"C\" fn(*mut u8)), std::alloc::System>>::grow_one");
  EXPECT_EQ(
      demangle_rust("_RINvNtCsgEmfK2I1SDS_4core3ptr13drop_in_placeINtNtCslNYArtu3iFV_5alloc5boxed3BoxINtNtNtB4_3mem"
                    "12maybe_uninit11MaybeUninitAIBH_DNtCsjMaewn57Afh_1t5ShapeEL_Ej1_EEEB22_"),
      "core::ptr::drop_in_place::<alloc::boxed::Box<core::mem::maybe_uninit::MaybeUninit<[alloc::boxed::Box<dyn "
      "t::Shape>; 1]>>>");
  EXPECT_EQ(demangle_rust("_RNvXs1j_NtCsgEmfK2I1SDS_4core3fmtQDNtNtB8_5panic12PanicPayloadEL_NtB6_7Display3fmt"
                          "CsjrHSEGnQ3l9_3std"),
            "<&mut dyn core::panic::PanicPayload as core::fmt::Display>::fmt");
}

TEST(DemangleV0, DynTraitsWithBindersAndAssociatedTypes) {
  EXPECT_EQ(
      demangle_rust("_RINvNtCsgEmfK2I1SDS_4core3ptr13drop_in_placeINtNtCslNYArtu3iFV_5alloc5boxed3BoxDG0_INtNtNtB4_"
                    "3ops8function2FnTRL1_INtNtCsjrHSEGnQ3l9_3std5panic13PanicHookInfoL0_EEEp6OutputuNtNtB4_6marker"
                    "4SyncNtB2N_4SendEL_EEB1T_"),
      "core::ptr::drop_in_place::<alloc::boxed::Box<dyn for<'a, 'b> core::ops::function::Fn<(&'a "
      "std::panic::PanicHookInfo<'b>,), Output = ()> + core::marker::Sync + core::marker::Send>>");
}

TEST(DemangleV0, PunycodeIdentifiers) {
  EXPECT_EQ(demangle_rust("_RNvNtCsjMaewn57Afh_1tu8nave_6pau9gre_6ka8l"), "t::naïve::grüße");
  // Undecodable punycode is shown raw rather than failing the whole name.
  EXPECT_EQ(demangle_rust("_RNvCs_1tu3a_9"), "t::punycode{a-9}");
}

TEST(DemangleV0, VendorSuffixIsKept) {
  EXPECT_EQ(demangle_rust("_RNvNtNtCsjrHSEGnQ3l9_3std6thread11main_thread4MAIN.0"), "std::thread::main_thread::MAIN.0");
}

TEST(Demangle, NonRustSymbolsAreUnchanged) {
  for (const char* symbol : {"", "main", "_Z3foov", "_ZN3foo3barEv", "__rust_alloc", "_R", "_ZN", "_ZNE", "_RNvC0",
                             "_R0NvC1a1b", "_RINvB_E", "_RNvCs_1a1b trailing"}) {
    EXPECT_EQ(demangle_rust(symbol), symbol) << symbol;
  }
}

TEST(Demangle, HostileInputIsBounded) {
  std::string deep = "_R";
  for (int i = 0; i < 100'000; ++i) deep += "INv";
  EXPECT_EQ(demangle_rust(deep), deep);

  std::string references = "_RNvC1a1b";
  for (int i = 0; i < 100'000; ++i) references.insert(2, "RA");
  EXPECT_EQ(demangle_rust(references), references);

  // Each tuple refers back to the previous one three times: printing the last fully would take 3^40
  // steps and as many bytes.
  auto base62 = [](size_t n) {
    const char* digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string text;
    if (n == 0) return std::string("_");
    --n;
    do {
      text.insert(text.begin(), digits[n % 62]);
      n /= 62;
    } while (n != 0);
    return text + "_";
  };
  std::string body = "INvCs_1a1f";
  size_t previous = body.size();
  body += "NvCs_1a1g";
  for (int i = 0; i < 40; ++i) {
    size_t here = body.size();
    std::string ref = "B" + base62(previous);
    body += "T" + ref + ref + ref + "E";
    previous = here;
  }
  body += "E";
  EXPECT_EQ(demangle_rust("_R" + body), "_R" + body);
  // The same shape, shallow enough to print, shows the backrefs are followed.
  EXPECT_EQ(demangle_rust("_RINvCs_1a1fNvCs_1a1gTB9_B9_B9_EE"), "a::f::<a::g, (a::g, a::g, a::g)>");

  // A backref must point strictly backwards.
  EXPECT_EQ(demangle_rust("_RNvB0_1a"), "_RNvB0_1a");
}

}  // namespace
}  // namespace wasmacro::engine
