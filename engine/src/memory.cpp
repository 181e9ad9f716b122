// Linear memories, tables and globals. A memory reserves its whole possible range up front
// (PROT_NONE, no backing) and commits pages as it grows, so its base address never moves.
#include <sys/mman.h>

#include <algorithm>
#include <cstring>

#include "runtime.h"

namespace wasmacro::engine {

ExternKind extern_kind(const Extern& value) {
  return static_cast<ExternKind>(value.index());
}

Memory::~Memory() {
  if (base_ != nullptr) munmap(base_, reserved_);
}

std::optional<std::span<uint8_t>> Memory::span(uint64_t offset, uint64_t length) {
  if (offset > size_ || length > size_ - offset) return std::nullopt;
  mark_dirty(offset, length);
  return std::span<uint8_t>(base_ + offset, length);
}

std::optional<std::span<const uint8_t>> Memory::view(uint64_t offset, uint64_t length) const {
  if (offset > size_ || length > size_ - offset) return std::nullopt;
  return std::span<const uint8_t>(base_ + offset, length);
}

void Memory::mark_dirty(uint64_t offset, uint64_t length) {
  if (length == 0) return;
  uint64_t first = offset / kDirtyPageSize;
  uint64_t last = (offset + length - 1) / kDirtyPageSize;
  for (uint64_t page = first; page <= last; ++page) {
    if (dirty_map_[page] != 0) continue;
    dirty_map_[page] = 1;
    dirty_pages_.push_back(static_cast<uint32_t>(page));
  }
}

void Memory::clear_dirty() {
  for (uint32_t page : dirty_pages_) dirty_map_[page] = 0;
  dirty_pages_.clear();
}

namespace {
Error out_of_bounds(uint64_t offset, uint64_t length, uint64_t size) {
  Error error;
  error.kind = ErrorKind::Misuse;
  error.message = "memory access [" + std::to_string(offset) + ", " + std::to_string(offset + length) +
                  ") is outside the memory's " + std::to_string(size) + " bytes";
  return error;
}
}  // namespace

Result<void> Memory::read(uint64_t offset, std::span<uint8_t> out) const {
  auto range = view(offset, out.size());
  if (!range) return out_of_bounds(offset, out.size(), size_);
  if (!out.empty()) std::memcpy(out.data(), range->data(), out.size());
  return {};
}

Result<void> Memory::write(uint64_t offset, std::span<const uint8_t> in) {
  auto range = span(offset, in.size());
  if (!range) return out_of_bounds(offset, in.size(), size_);
  if (!in.empty()) std::memcpy(range->data(), in.data(), in.size());
  return {};
}

std::optional<uint32_t> Memory::grow(uint64_t delta, bool* hit_cap) {
  uint64_t old_pages = size_ / kPageSize;
  uint64_t new_pages = old_pages + delta;
  uint64_t max_pages = std::min<uint64_t>(type_.limits.max.value_or(kMaxPages), kMaxPages);
  if (new_pages > max_pages) return std::nullopt;
  if (new_pages > cap_pages_) {
    if (hit_cap != nullptr) *hit_cap = true;
    return std::nullopt;
  }
  uint64_t new_size = new_pages * kPageSize;
  if (new_size > size_ && mprotect(base_ + size_, new_size - size_, PROT_READ | PROT_WRITE) != 0) return std::nullopt;
  size_ = new_size;
  dirty_map_.resize(new_size / kDirtyPageSize, 0);
  return static_cast<uint32_t>(old_pages);
}

std::optional<Ref> Table::get(uint32_t index) const {
  if (index >= elements_.size()) return std::nullopt;
  return elements_[index];
}

Result<void> Table::set(uint32_t index, Ref value) {
  if (index >= elements_.size()) {
    Error error;
    error.kind = ErrorKind::Misuse;
    error.message = "table index " + std::to_string(index) + " is past the table's size " + std::to_string(elements_.size());
    return error;
  }
  elements_[index] = value;
  return {};
}

std::optional<uint32_t> Table::grow(uint32_t delta, Ref init, bool* hit_cap) {
  uint64_t old_size = elements_.size();
  uint64_t new_size = old_size + delta;
  if (new_size > type_.limits.max.value_or(UINT32_MAX)) return std::nullopt;
  if (new_size > cap_elements_) {
    if (hit_cap != nullptr) *hit_cap = true;
    return std::nullopt;
  }
  elements_.resize(new_size, init);
  return static_cast<uint32_t>(old_size);
}

Result<void> Global::set(Value value) {
  if (!type_.is_mutable || value.type != type_.type) {
    Error error;
    error.kind = ErrorKind::Misuse;
    error.message = !type_.is_mutable ? "global is immutable"
                                      : std::string("global holds ") + to_string(type_.type) + ", not " +
                                            to_string(value.type);
    return error;
  }
  bits_ = value.bits;
  return {};
}

}  // namespace wasmacro::engine
