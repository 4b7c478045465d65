/* An IPv6 datagram send with an IPv4 detour (see README.md). */
int ipv6_addr_v4mapped(int daddr) { return daddr == 4; }

void ip6_finish_output(int len) { (void)len; }

/* IPv4 code that, in this model, ends in the same output function. */
void ip_send_skb(int len) { ip6_finish_output(len); }
void udp_sendmsg(int len) { ip_send_skb(len); }

void ip6_local_out(int len) { ip6_finish_output(len); }
void ip6_send_skb(int len) { ip6_local_out(len); }
void ip6_append_data(int len) { ip6_send_skb(len); }
void ip6_make_skb(int len) { ip6_append_data(len); }

void udpv6_sendmsg(int daddr, int len) {
  if (ipv6_addr_v4mapped(daddr)) {
    udp_sendmsg(len);
    return;
  }
  ip6_make_skb(len);
}

void udpv6_sendmsg_any(int len) {
  udp_sendmsg(len);
  ip6_make_skb(len);
}
