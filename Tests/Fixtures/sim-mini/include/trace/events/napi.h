#undef TRACE_SYSTEM
#define TRACE_SYSTEM napi

#ifndef SIM_TRACE_NAPI_H
#define SIM_TRACE_NAPI_H

struct napi_struct;

static inline void trace_napi_poll(struct napi_struct *napi, int work, int budget) { (void)napi; }

#endif
