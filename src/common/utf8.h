// UTF-8 helpers shared by the readers and the text stage.
#ifndef DYAD_COMMON_UTF8_H_
#define DYAD_COMMON_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::utf8 {

// Returns the byte offset of the first invalid UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are invalid), or npos if valid.
size_t FindInvalid(std::string_view s);
inline bool IsValid(std::string_view s) { return FindInvalid(s) == std::string_view::npos; }

// Decodes one code point at s[i]; sets *len to its byte length. Assumes valid UTF-8.
uint32_t Decode(std::string_view s, size_t i, int* len);

// Appends the UTF-8 encoding of `cp`.
void Append(std::string* out, uint32_t cp);

// True if the bytes look like a binary file rather than text: NUL bytes or a
// high share of C0 control characters other than tab, newline and carriage return.
bool LooksBinary(std::string_view s);

}  // namespace dyad::utf8

#endif  // DYAD_COMMON_UTF8_H_
