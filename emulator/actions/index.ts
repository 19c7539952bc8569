import type { Action } from "../action";
import { createAddressList } from "./createAddressList";
import { createAddressListImportJob } from "./createAddressListImportJob";
import { deleteAddressList } from "./deleteAddressList";
import { deregisterMemberFromAddressList } from "./deregisterMemberFromAddressList";
import { getAddressList } from "./getAddressList";
import { getAddressListImportJob } from "./getAddressListImportJob";
import { getMemberOfAddressList } from "./getMemberOfAddressList";
import { listAddressListImportJobs } from "./listAddressListImportJobs";
import { listAddressLists } from "./listAddressLists";
import { listMembersOfAddressList } from "./listMembersOfAddressList";
import { registerMemberToAddressList } from "./registerMemberToAddressList";
import { startAddressListImportJob } from "./startAddressListImportJob";
import { stopAddressListImportJob } from "./stopAddressListImportJob";

/** The operations served, by the name after `MailManagerSvc.` in `X-Amz-Target`. */
export const actions: Readonly<Record<string, Action>> = {
  CreateAddressList: createAddressList,
  GetAddressList: getAddressList,
  ListAddressLists: listAddressLists,
  DeleteAddressList: deleteAddressList,
  CreateAddressListImportJob: createAddressListImportJob,
  GetAddressListImportJob: getAddressListImportJob,
  ListAddressListImportJobs: listAddressListImportJobs,
  StartAddressListImportJob: startAddressListImportJob,
  StopAddressListImportJob: stopAddressListImportJob,
  RegisterMemberToAddressList: registerMemberToAddressList,
  GetMemberOfAddressList: getMemberOfAddressList,
  ListMembersOfAddressList: listMembersOfAddressList,
  DeregisterMemberFromAddressList: deregisterMemberFromAddressList,
};
