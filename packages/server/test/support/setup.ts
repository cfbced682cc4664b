// Server tests hash as the server does: OpenSSL's SM3 behind the domain's sm3Hex (openServices
// injects it too; this covers tests that call the register's functions without it).
import { useOpensslSm3 } from "../../src/platform/crypto/sm3";

useOpensslSm3();
